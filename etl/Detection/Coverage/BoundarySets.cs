namespace Bhyt.Etl.Detection.Coverage;

/// <summary>Which boundary set names a unit at a date: the 2025 reform took effect on 1/7/2025.</summary>
public static class BoundarySets
{
    public static readonly DateOnly Reform = new(2025, 7, 1);

    public static bool InForce(string boundarySet, DateOnly periodStart) => boundarySet switch
    {
        "pre2025" => periodStart < Reform,
        "post2025" => periodStart >= Reform,
        _ => true,
    };
}

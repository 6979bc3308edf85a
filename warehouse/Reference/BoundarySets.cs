namespace Bhyt.Warehouse.Reference;

/// <summary>The two boundary sets of Vietnam's administrative units and their validity.</summary>
public static class BoundarySets
{
    public const string National = "national";
    public const string Pre2025 = "pre2025";
    public const string Post2025 = "post2025";

    /// <summary>
    /// Start of the 63-province set (Hà Tây merged into Hà Nội on 1 Aug 2008). The catalogue is a snapshot of
    /// 1 Mar 2025, so districts and communes created or merged between 2008 and 2025 carry this date too.
    /// </summary>
    public static readonly DateOnly Pre2025ValidFrom = new(2008, 8, 1);

    /// <summary>The 2025 reform: 34 provinces, no district level, merged communes.</summary>
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public static readonly DateOnly Pre2025ValidTo = ReformDate.AddDays(-1);

    public const string CountryCode = "VN";

    /// <summary>Whether the units of <paramref name="boundarySet"/> are the ones in force on <paramref name="date"/> (the country always is).</summary>
    public static bool InForce(string boundarySet, DateOnly date) => boundarySet switch
    {
        Pre2025 => date < ReformDate,
        Post2025 => date >= ReformDate,
        _ => true,
    };
}

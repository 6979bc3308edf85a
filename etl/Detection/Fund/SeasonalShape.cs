namespace Bhyt.Etl.Detection.Fund;

/// <summary>
/// The share of a year's total typically reached by the end of each month, averaged over the complete earlier years
/// of the same series; linear (m/12) when there is no complete earlier year.
/// </summary>
public sealed record SeasonalShape(double[] CumulativeShare, IReadOnlyList<int> Years)
{
    public bool IsLinear => Years.Count == 0;

    /// <summary>The share reached by the end of <paramref name="month"/> (1..12).</summary>
    public double ShareBy(int month) => CumulativeShare[month - 1];

    public static SeasonalShape From(IReadOnlyDictionary<int, double[]> completeYears, int beforeYear)
    {
        var years = completeYears.Where(y => y.Key < beforeYear && y.Value.Sum() > 0).Select(y => y.Key).Order().ToList();
        var shares = new double[12];
        if (years.Count == 0)
        {
            for (var m = 0; m < 12; m++) shares[m] = (m + 1) / 12.0;
            return new SeasonalShape(shares, years);
        }
        foreach (var year in years)
        {
            var months = completeYears[year];
            var total = months.Sum();
            var running = 0.0;
            for (var m = 0; m < 12; m++)
            {
                running += months[m];
                shares[m] += running / total / years.Count;
            }
        }
        return new SeasonalShape(shares, years);
    }
}

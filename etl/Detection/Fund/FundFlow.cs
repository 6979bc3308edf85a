using Bhyt.Etl.Detection.Coverage;

namespace Bhyt.Etl.Detection.Fund;

/// <summary>
/// One province's monthly flow (KCB spending or revenue) and its annual target (budget or plan), by year. The annual
/// target is the year's own figure when one is stored, otherwise the sum of the twelve monthly targets (their mean
/// times twelve when some months are missing).
/// </summary>
public sealed class FundFlow
{
    private readonly Dictionary<int, double?[]> _actual = new();
    private readonly Dictionary<int, double?[]> _monthlyTarget = new();
    private readonly Dictionary<int, double> _yearTarget = new();

    public FundFlow(IEnumerable<StoredFigure> figures, string actualCode, string targetCode)
    {
        foreach (var figure in figures)
        {
            var year = figure.PeriodStart.Year;
            if (figure.Indicator == actualCode && figure.PeriodKind == "month" && figure.ValueKind == "actual")
                Month(_actual, year)[figure.PeriodStart.Month - 1] = figure.Value;
            else if (figure.Indicator == targetCode && figure.PeriodKind == "month")
                Month(_monthlyTarget, year)[figure.PeriodStart.Month - 1] = figure.Value;
            else if (figure.Indicator == targetCode && figure.PeriodKind == "year")
                _yearTarget[year] = figure.Value;
        }
    }

    public IEnumerable<int> Years => _actual.Keys.Order();

    /// <summary>The months of <paramref name="year"/> from January up to the first missing one.</summary>
    public IReadOnlyList<double> MonthsFromJanuary(int year) =>
        _actual.TryGetValue(year, out var months) ? months.TakeWhile(m => m is not null).Select(m => m!.Value).ToList() : [];

    /// <summary>Years whose twelve months are all stored, for the seasonal shape.</summary>
    public IReadOnlyDictionary<int, double[]> CompleteYears =>
        _actual.Where(y => y.Value.All(m => m is not null)).ToDictionary(y => y.Key, y => y.Value.Select(m => m!.Value).ToArray());

    public double? AnnualTarget(int year)
    {
        if (_yearTarget.TryGetValue(year, out var stored)) return stored;
        if (!_monthlyTarget.TryGetValue(year, out var months)) return null;
        var present = months.Where(m => m is not null).Select(m => m!.Value).ToList();
        return present.Count == 0 ? null : present.Count == 12 ? present.Sum() : present.Average() * 12;
    }

    private static double?[] Month(Dictionary<int, double?[]> byYear, int year) =>
        byYear.TryGetValue(year, out var months) ? months : byYear[year] = new double?[12];
}

namespace Bhyt.Etl.Detection.Coverage;

/// <summary>One unit's coverage figures in one period: actual values and targets by indicator code.</summary>
public sealed class UnitPeriod(string unitCode, string unitName, string boundarySet, string? parentCode, string label, DateOnly start, DateOnly end, string kind)
{
    public string UnitCode { get; } = unitCode;
    public string UnitName { get; } = unitName;
    public string BoundarySet { get; } = boundarySet;
    public string? ParentCode { get; } = parentCode;
    public string Label { get; } = label;
    public DateOnly Start { get; } = start;
    public DateOnly End { get; } = end;
    public string Kind { get; } = kind;
    public Dictionary<string, StoredFigure> Actual { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StoredFigure> Target { get; } = new(StringComparer.Ordinal);

    public double? Value(string indicator) => Actual.TryGetValue(indicator, out var figure) ? figure.Value : null;

    /// <summary>Whether the rate of this period is a pre-2025 figure mapped onto a 2025 unit.</summary>
    public bool RateIsMapped => Actual.TryGetValue("cov_rate", out var rate) && rate.IsMapped;

    /// <summary>Groups stored figures into unit periods, keyed by (unit, boundary set, period kind) and ordered by start.</summary>
    public static Dictionary<(string Code, string BoundarySet, string Kind), List<UnitPeriod>> Series(IEnumerable<StoredFigure> figures)
    {
        var periods = new Dictionary<(string, string, string), UnitPeriod>();
        foreach (var figure in figures)
        {
            var key = (figure.UnitCode, figure.BoundarySet, figure.PeriodLabel);
            if (!periods.TryGetValue(key, out var period))
                periods[key] = period = new UnitPeriod(figure.UnitCode, figure.UnitName, figure.BoundarySet, figure.ParentCode, figure.PeriodLabel,
                    figure.PeriodStart, figure.PeriodEnd, figure.PeriodKind);
            (figure.ValueKind == "target" ? period.Target : period.Actual)[figure.Indicator] = figure;
        }
        return periods.Values
            .GroupBy(p => (p.UnitCode, p.BoundarySet, p.Kind))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Start).ThenBy(p => p.End).ToList());
    }
}

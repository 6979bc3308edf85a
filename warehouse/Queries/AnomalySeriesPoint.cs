namespace Bhyt.Warehouse.Queries;

/// <summary>
/// One period of a unit's or province's stored series (<c>rpt.indicator_values</c>, current values): the actual value and,
/// when the warehouse holds one, the period's target — both as stored, never re-derived.
/// </summary>
public sealed record AnomalySeriesPoint(string Indicator, string Label, DateTime Start, DateTime End, string PeriodKind, double? Actual, double? Target)
{
    /// <summary>The indicator's Vietnamese name from the catalog (<c>rpt.indicators</c>).</summary>
    public string? IndicatorName { get; init; }

    /// <summary>The actual value is a pre-2025 figure mapped onto a 2025 unit (<c>source_ref</c> map2025…).</summary>
    public bool IsMapped { get; init; }
}

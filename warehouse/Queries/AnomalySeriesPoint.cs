namespace Bhyt.Warehouse.Queries;

/// <summary>
/// One period of a unit's or province's stored series (<c>rpt.indicator_values</c>, current values): the actual value and,
/// when the warehouse holds one, the period's target — both as stored, never re-derived.
/// </summary>
public sealed record AnomalySeriesPoint(string Indicator, string Label, DateTime Start, DateTime End, string PeriodKind, double? Actual, double? Target);

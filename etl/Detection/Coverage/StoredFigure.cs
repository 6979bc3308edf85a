namespace Bhyt.Etl.Detection.Coverage;

/// <summary>
/// One current figure of <c>rpt.indicator_values</c> as the warehouse stores it (reported, or derived by the warehouse —
/// <see cref="SourceRef"/> names the derivation), with the unit's parent in its boundary set.
/// </summary>
public sealed record StoredFigure(
    string UnitCode, string UnitName, string BoundarySet, string? ParentCode, string PeriodLabel, DateOnly PeriodStart, DateOnly PeriodEnd,
    string PeriodKind, string Indicator, double Value, string ValueKind, string? SourceRef)
{
    /// <summary>The unit is named by its code and boundary set: codes are reused across the 2025 reform.</summary>
    public (string Code, string BoundarySet) Unit => (UnitCode, BoundarySet);

    /// <summary>A pre-2025 figure mapped onto a 2025 unit (<c>map2025</c>, <c>map2025+ratio</c>).</summary>
    public bool IsMapped => SourceRef is not null && SourceRef.StartsWith("map2025", StringComparison.Ordinal);
}

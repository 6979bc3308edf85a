namespace Bhyt.Warehouse.Queries;

/// <summary>How a figure's period reads on a time axis: <c>rpt.periods.kind</c> (year, quarter, month, date, range).</summary>
public enum PeriodShape { Date, Month, Quarter, Year, Range }

/// <summary>
/// One current value of <c>rpt.indicator_values</c> with what it is: its period as a span (a multi-year range is drawn
/// as a span, never spread over years), its source (<c>submission</c>, <c>published</c>, <c>claims</c>, <c>derived</c>) and,
/// for a derived value, the derivation (<see cref="SourceRef"/>, see <c>rpt.derivations</c>) and what it was computed
/// from (<see cref="DerivedFrom"/>: reported or claims).
/// </summary>
public sealed record IndicatorValue(string Indicator, string PeriodLabel, DateTime Start, DateTime End, string PeriodKind, double Value, string Kind,
    string Source, string? SourceRef = null, string? DerivedFrom = null)
{
    public PeriodShape Shape => ShapeOf(PeriodKind);

    /// <summary>The year of a year figure (or of the end of any other period).</summary>
    public int Year => End.Year;

    public bool IsActual => Kind == "actual";

    /// <summary>Computed by the warehouse (a ratio of two figures, or mapped onto a 2025 unit), not stated by anyone.</summary>
    public bool IsDerived => Source == "derived";

    /// <summary>A 2025 unit's figure for a period before the reform, summed from its predecessors.</summary>
    public bool IsMapped => IsDerived && SourceRef is { } derivation && derivation.StartsWith("map2025", StringComparison.Ordinal);

    /// <summary>What the figure rests on: <c>reported</c> (a submission or a publication) or <c>claims</c>.</summary>
    public string Basis => DerivedFrom ?? (Source == "claims" ? "claims" : "reported");

    public bool IsReportedBasis => Basis == "reported";

    /// <summary>
    /// Which figure to show when several describe the same thing: stated (reported, published) first, then computed from
    /// reported figures, then from claims.
    /// </summary>
    public int Precedence => Source is "submission" or "published" ? 0 : IsReportedBasis ? 1 : Source == "claims" ? 2 : 3;

    /// <summary>Year-level figures for trend charts: years, multi-year ranges and as-of dates (not months or quarters).</summary>
    public bool IsTrendPeriod => Shape is PeriodShape.Year or PeriodShape.Range or PeriodShape.Date;

    /// <summary>What a reader is told about where the figure came from (tooltips, KPI cards, CSV).</summary>
    public string SourceVi => (Source, SourceRef) switch
    {
        ("claims", _) => "Tính từ hồ sơ KCB",
        ("published", _) => "Số liệu công bố",
        ("derived", "map2025") => Basis == "claims" ? "Quy đổi từ đơn vị cũ (hồ sơ KCB)" : "Quy đổi từ đơn vị cũ",
        ("derived", "map2025+ratio") => "Quy đổi từ đơn vị cũ, tính tỷ lệ",
        ("derived", _) => Basis == "claims" ? "Tính từ hồ sơ KCB (tỷ lệ)" : "Tính từ số liệu báo cáo",
        _ => "Theo báo cáo",
    };

    public static PeriodShape ShapeOf(string periodKind) => periodKind switch
    {
        "year" => PeriodShape.Year,
        "quarter" => PeriodShape.Quarter,
        "month" => PeriodShape.Month,
        "date" => PeriodShape.Date,
        _ => PeriodShape.Range,
    };
}

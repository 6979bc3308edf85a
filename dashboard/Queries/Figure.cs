namespace Bhyt.Dashboard.Queries;

/// <summary>How a figure's period reads on a time axis.</summary>
public enum PeriodShape { Date, Month, Quarter, Year, Range }

/// <summary>
/// One current value from <c>rpt.indicator_values</c> (or mapped onto a 2025 unit from its predecessors,
/// <see cref="Mapped"/>), with the period as a span: a multi-year range is drawn as a span, never spread over years.
/// </summary>
public sealed record Figure(string Indicator, string PeriodLabel, DateTime Start, DateTime End, double Value, string Kind, string Source, bool Mapped = false)
{
    public PeriodShape Shape => ShapeOf(Start, End);

    /// <summary>The year of a year figure (or of the end of any other period).</summary>
    public int Year => End.Year;

    public bool IsActual => Kind == "actual";

    public static PeriodShape ShapeOf(DateTime start, DateTime end)
    {
        if (start == end) return PeriodShape.Date;
        if (start.Day != 1) return PeriodShape.Range;
        var next = end.AddDays(1);
        if (next == start.AddMonths(1)) return PeriodShape.Month;
        if (next == start.AddMonths(3) && (start.Month - 1) % 3 == 0) return PeriodShape.Quarter;
        if (next == start.AddYears(1) && start.Month == 1) return PeriodShape.Year;
        return PeriodShape.Range;
    }

    /// <summary>Year-level figures for trend charts: years, multi-year ranges and as-of dates (not months or quarters).</summary>
    public bool IsTrendPeriod => Shape is PeriodShape.Year or PeriodShape.Range or PeriodShape.Date;
}

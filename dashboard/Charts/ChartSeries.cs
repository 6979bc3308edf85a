using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Charts;

/// <summary>A point on a time axis; <see cref="Label"/> is what the tooltip says (period and source).</summary>
public sealed record ChartPoint(DateTime X, double Y, string Label);

/// <summary>One column of a bar chart (category = year or label).</summary>
public sealed record NamedBar(string Category, double Value);

/// <summary>A named set of columns (one stack layer).</summary>
public sealed record BarSeries(string Name, IReadOnlyList<NamedBar> Bars);

/// <summary>One drawn line piece: a run of consecutive years, a multi-year span, or a single dated point.</summary>
public sealed record ChartSegment(string Name, string Color, bool Dashed, bool InLegend, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// Turns figures into line segments honestly: consecutive years are joined, a missing year breaks the line
/// (a gap, never a zero), a multi-year figure ("2015–2019") is a flat span from its first to its last day, and
/// an as-of date is a lone point on that date.
/// </summary>
public static class SeriesBuilder
{
    /// <param name="sourceOf">Names the source of a figure for its tooltip (a publication, a file), if known.</param>
    public static IEnumerable<ChartSegment> Segments(string name, string color, bool dashed, IEnumerable<IndicatorValue> figures, Func<IndicatorValue, string?>? sourceOf = null)
    {
        string Label(IndicatorValue f) => sourceOf?.Invoke(f) is { } source ? $"{SeriesBuilder.Label(f)} · {source}" : SeriesBuilder.Label(f);
        var trend = figures.Where(f => f.IsTrendPeriod).ToList();
        var segments = new List<ChartSegment>();
        var run = new List<ChartPoint>();
        int? lastYear = null;
        foreach (var figure in trend.Where(f => f.Shape == PeriodShape.Year).OrderBy(f => f.Start))
        {
            if (lastYear is { } y && figure.Year != y + 1) Flush();
            run.Add(new ChartPoint(new DateTime(figure.Year, 7, 1), figure.Value, Label(figure)));
            lastYear = figure.Year;
        }
        Flush();
        foreach (var figure in trend.Where(f => f.Shape == PeriodShape.Range).OrderBy(f => f.Start))
            segments.Add(Segment([new ChartPoint(figure.Start, figure.Value, Label(figure)), new ChartPoint(figure.End, figure.Value, Label(figure))]));
        foreach (var figure in trend.Where(f => f.Shape == PeriodShape.Date).OrderBy(f => f.Start))
            segments.Add(Segment([new ChartPoint(figure.Start, figure.Value, Label(figure))]));
        return segments;

        void Flush()
        {
            if (run.Count > 0) segments.Add(Segment(run.ToList()));
            run.Clear();
        }

        ChartSegment Segment(IReadOnlyList<ChartPoint> points) => new(name, color, dashed, segments.Count == 0, points);
    }

    /// <summary>
    /// Figures that are not a series (the other sources' values for a year): each one its own point, a range its own
    /// span, never joined to its neighbours; each label says where the value came from.
    /// </summary>
    public static IEnumerable<ChartSegment> Points(string name, string color, IEnumerable<(IndicatorValue Figure, string Label)> figures)
    {
        var segments = new List<ChartSegment>();
        foreach (var (figure, label) in figures.Where(f => f.Figure.IsTrendPeriod).OrderBy(f => f.Figure.Start))
        {
            IReadOnlyList<ChartPoint> points = figure.Shape switch
            {
                PeriodShape.Year => [new ChartPoint(new DateTime(figure.Year, 7, 1), figure.Value, label)],
                PeriodShape.Range => [new ChartPoint(figure.Start, figure.Value, label), new ChartPoint(figure.End, figure.Value, label)],
                _ => [new ChartPoint(figure.Start, figure.Value, label)],
            };
            segments.Add(new ChartSegment(name, color, false, segments.Count == 0, points));
        }
        return segments;
    }

    /// <summary>Monthly figures joined month to month; a missing month breaks the line.</summary>
    public static IEnumerable<ChartSegment> MonthlySegments(string name, string color, bool dashed, IEnumerable<(DateTime Month, double Value)> values)
    {
        var segments = new List<ChartSegment>();
        var run = new List<ChartPoint>();
        DateTime? last = null;
        foreach (var (month, value) in values.OrderBy(v => v.Month))
        {
            if (last is { } l && month != l.AddMonths(1) && run.Count > 0) { segments.Add(new(name, color, dashed, segments.Count == 0, run.ToList())); run.Clear(); }
            run.Add(new ChartPoint(month, value, $"Tháng {month:MM/yyyy}"));
            last = month;
        }
        if (run.Count > 0) segments.Add(new(name, color, dashed, segments.Count == 0, run.ToList()));
        return segments;
    }

    /// <summary>The tooltip of a figure: its period and what it is (a target, stated, or derived — the derivation named).</summary>
    public static string Label(IndicatorValue figure) =>
        $"{Format.Period(figure)} · {(figure.IsActual ? Format.Inline(figure.SourceVi) : figure.IsDerived ? "chỉ tiêu, " + Format.Inline(figure.SourceVi) : "chỉ tiêu")}";
}

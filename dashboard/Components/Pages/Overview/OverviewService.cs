using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Overview;

public sealed record Kpi(string Code, string Title, string Unit, double? Value, double? Previous, double? Target, string? Source, bool HigherIsWorse = false);

public sealed record TrendChartData(string Key, string Title, string Unit, IReadOnlyList<ChartSegment> Segments, string? Note = null);

/// <summary>One value of a period on which the sources disagree, with its source and whether it is the one shown.</summary>
public sealed record SourcedValue(string Indicator, string IndicatorTitle, string Period, string Kind, string ValueText, SourceRef? Source, bool IsCurrent);

public sealed record OverviewData(IReadOnlyList<Kpi> Kpis, IReadOnlyList<TrendChartData> Charts, IReadOnlyList<string> TableHeader,
    IReadOnlyList<IReadOnlyList<string?>> TableRows, IReadOnlyList<SourcedValue> Disagreements, int DisagreeingPeriods);

/// <summary>The figures of the Tổng quan page: six KPI cards for the year and 2009–2024 trends with targets.</summary>
public sealed class OverviewService(IndicatorQueries indicators, HistoryQueries history, SourceQueries sourceQueries)
{
    private const string OtherSourceColor = "#7f7f7f";

    private static readonly (string Code, string Title, string Unit, bool HigherIsWorse)[] KpiCodes =
    [
        ("cov_rate", "Tỷ lệ bao phủ BHYT", "percent", false),
        ("cov_participants", "Số người tham gia BHYT", "persons", false),
        ("kcb_visits", "Lượt khám chữa bệnh BHYT", "visits", false),
        ("spend_kcb", "Chi khám chữa bệnh BHYT", "million_vnd", true),
        ("fund_revenue_vs_plan", "Thu BHYT so với kế hoạch", "percent", false),
        ("fund_spending_vs_budget", "Chi KCB so với dự toán", "percent", true),
    ];

    /// <summary>The yearly table: the KPIs and the cost per visit (the catalog's spend_kcb / kcb_visits).</summary>
    private static readonly (string Code, string Title, string Unit, bool HigherIsWorse)[] TableCodes =
        [.. KpiCodes, ("kcb_cost_per_visit", "Chi phí bình quân một lượt KCB (đồng)", "vnd", true)];

    private static readonly string[] Codes =
        ["cov_rate", "cov_participants", "cov_population", "kcb_visits", "spend_kcb", "fund_revenue", "fund_revenue_plan", "fund_kcb_spending", "fund_kcb_budget",
         "fund_revenue_vs_plan", "fund_spending_vs_budget", "kcb_cost_per_visit"];

    public async Task<OverviewData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var wide = selection with { From = Math.Min(selection.From, selection.Year - 1) };
        var figures = (await indicators.ForUnitAsync(unit, wide, Codes, ct)).Select(f => f.Figure).ToList();
        var years = YearValues.From(figures);

        var kpis = KpiCodes.Select(k => new Kpi(k.Code, k.Title, k.Unit,
            years.Value(k.Code, selection.Year), years.Value(k.Code, selection.Year - 1), years.Value(k.Code, selection.Year, "target"),
            years.SourceNote(k.Code, selection.Year), k.HigherIsWorse)).ToList();

        var inRange = figures.Where(f => f.Start.Year >= selection.From && f.End.Year <= selection.To).ToList();
        var charted = new (string Code, string Title, string Unit)[]
        {
            ("cov_rate", "Tỷ lệ bao phủ BHYT (%) và chỉ tiêu", "percent"),
            ("cov_participants", "Số người tham gia BHYT", "persons"),
            ("kcb_visits", "Lượt khám chữa bệnh BHYT", "visits"),
            ("spend_kcb", "Chi khám chữa bệnh BHYT", "million_vnd"),
            ("fund_revenue", "Thu quỹ BHYT", "million_vnd"),
            ("kcb_cost_per_visit", "Chi phí bình quân một lượt KCB BHYT (đồng)", "vnd"),
        };
        var sources = await sourceQueries.AllAsync(ct);
        var sourced = new SourcedFigures(await history.ForUnitAsync(unit, selection, charted.Select(c => c.Code).ToList(), ct), sources);
        var charts = charted.Select(c => Chart(c.Code, c.Title, c.Unit, inRange, sourced)).ToList();
        var disagreements = charted.SelectMany(c => sourced.Disagreements(c.Code, c.Title, c.Unit)).ToList();

        // The last column names every figure of the year that the warehouse computed (derived is never shown as reported).
        var header = new List<string> { "Năm" }.Concat(TableCodes.Select(k => k.Title)).Append("Số liệu do kho tính").ToList();
        var rows = Enumerable.Range(selection.From, selection.To - selection.From + 1)
            .Select(y => (IReadOnlyList<string?>)new List<string?> { y.ToString() }
                .Concat(TableCodes.Select(k => years.Value(k.Code, y) is { } v ? Format.Value(v, k.Unit) : ""))
                .Append(string.Join("; ", TableCodes.Where(k => years.Figure(k.Code, y)?.IsDerived == true)
                    .Select(k => $"{k.Title}: {Format.Inline(years.Figure(k.Code, y)!.SourceVi)}")))
                .ToList())
            .ToList();
        return new OverviewData(kpis, charts, header, rows, disagreements,
            disagreements.Select(d => (d.Indicator, d.Period, d.Kind)).Distinct().Count());
    }

    /// <summary>
    /// Actual figures by source (reported, claims-derived) as solid lines, targets dashed; where another source gave a
    /// different value for the same period, that value is drawn as a grey point of its own (never averaged in).
    /// </summary>
    private static TrendChartData Chart(string code, string title, string unit, List<IndicatorValue> figures, SourcedFigures sourced)
    {
        var mine = figures.Where(f => f.Indicator == code).ToList();
        var segments = new List<ChartSegment>();
        segments.AddRange(SeriesBuilder.Segments("Báo cáo", "#0b5394", false, mine.Where(f => f.IsActual && f.IsReportedBasis), sourced.CurrentSource));
        segments.AddRange(SeriesBuilder.Segments("Từ hồ sơ KCB", "#e69138", false, mine.Where(f => f.IsActual && !f.IsReportedBasis)));
        segments.AddRange(SeriesBuilder.Segments("Chỉ tiêu", "#cc0000", true, mine.Where(f => !f.IsActual), sourced.CurrentSource));
        var others = sourced.OtherValues(code).ToList();
        segments.AddRange(SeriesBuilder.Points("Nguồn khác (số liệu khác)", OtherSourceColor, others));
        var notes = new List<string>();
        var ranges = mine.Count(f => f.Shape == PeriodShape.Range);
        var derived = mine.Count(f => f.IsDerived && f.IsTrendPeriod);
        if (derived > 0) notes.Add($"{derived} số liệu do kho tính ra ({string.Join(", ", mine.Where(f => f.IsDerived).Select(f => Format.Inline(f.SourceVi)).Distinct())}), không phải số báo cáo: xem chú thích khi rê chuột.");
        if (ranges > 0) notes.Add($"{ranges} số liệu cả giai đoạn (như 2015–2019) được vẽ thành đoạn ngang suốt giai đoạn.");
        if (others.Count > 0) notes.Add($"{others.Count} số liệu của nguồn khác khác với số đang hiển thị: điểm xám (xem bảng nguồn bên dưới).");
        return new TrendChartData(code, title, unit, segments, notes.Count > 0 ? string.Join(" ", notes) : null);
    }
}

/// <summary>
/// The reported values of one unit with their sources: which source the shown (current) value came from, and the
/// values other sources gave for the same period when they differ from it.
/// </summary>
public sealed class SourcedFigures(IReadOnlyList<HistoryValue> values, SourceDirectory sources)
{
    private readonly ILookup<(string, string, string), HistoryValue> _byPeriod = values.ToLookup(v => (v.Indicator, v.PeriodLabel, v.Kind));

    /// <summary>The source of a shown stated figure (its publication or file), for its tooltip; null for figures the warehouse computed.</summary>
    public string? CurrentSource(IndicatorValue figure) => figure.Source is "submission" or "published"
        ? _byPeriod[(figure.Indicator, figure.PeriodLabel, figure.Kind)].LastOrDefault(v => v.IsCurrent) is { } v ? sources.Describe(v.SourceRef, v.FileName)?.Title : null
        : null;

    /// <summary>Superseded values that differ from the shown one (actual and target), each as a figure with its label.</summary>
    public IEnumerable<(IndicatorValue Figure, string Label)> OtherValues(string indicator) =>
        Disagreeing(indicator).SelectMany(g => g.Where(v => !v.IsCurrent && v.Value != Shown(g).Value)).Select(v =>
        {
            var figure = v.AsValue();
            return (figure, $"{Format.Period(figure)} · {(v.Kind == "target" ? "chỉ tiêu" : "báo cáo")} · {sources.Describe(v.SourceRef, v.FileName)?.Title ?? "không rõ nguồn"} (không phải số đang hiển thị)");
        });

    /// <summary>Every value of every period on which the sources disagree, the shown one first.</summary>
    public IEnumerable<SourcedValue> Disagreements(string indicator, string title, string unit) =>
        Disagreeing(indicator).SelectMany(g => g.OrderByDescending(v => v.IsCurrent).ThenBy(v => v.LoadedAt).Select(v =>
            new SourcedValue(indicator, title, Format.Period(v.AsValue()), v.Kind == "target" ? "Chỉ tiêu" : "Thực hiện", Format.Value(v.Value, unit),
                sources.Describe(v.SourceRef, v.FileName), v.IsCurrent)));

    private static HistoryValue Shown(IEnumerable<HistoryValue> period) => period.Last(v => v.IsCurrent);

    private IEnumerable<IGrouping<(string, string, string), HistoryValue>> Disagreeing(string indicator) =>
        _byPeriod.Where(g => g.Key.Item1 == indicator && g.Any(v => v.IsCurrent) && g.Select(v => v.Value).Distinct().Count() > 1)
            .OrderBy(g => g.First().Start).ThenBy(g => g.Key.Item3);
}

/// <summary>Year figures of one unit by indicator, kind and year; stated figures win over derived and claims-derived ones (<see cref="IndicatorValue.Precedence"/>).</summary>
public sealed class YearValues
{
    private readonly Dictionary<(string Code, string Kind, int Year), IndicatorValue> _figures = [];

    public static YearValues From(IEnumerable<IndicatorValue> figures)
    {
        var values = new YearValues();
        foreach (var f in figures.Where(f => f.Shape == PeriodShape.Year).OrderByDescending(f => f.Precedence))
            values._figures[(f.Indicator, f.Kind, f.Year)] = f;
        return values;
    }

    public double? Value(string code, int year, string kind = "actual") => Figure(code, year, kind)?.Value;

    public IndicatorValue? Figure(string code, int year, string kind = "actual") => _figures.GetValueOrDefault((code, kind, year));

    /// <summary>What the shown figure is: stated, or derived (the derivation named) — derived is never shown as reported.</summary>
    public string? SourceNote(string code, int year) => _figures.TryGetValue((code, "actual", year), out var f) ? f.SourceVi : null;
}

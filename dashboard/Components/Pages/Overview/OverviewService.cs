using Bhyt.Dashboard.Charts;
using Bhyt.Dashboard.Queries;

namespace Bhyt.Dashboard.Components.Pages.Overview;

public sealed record Kpi(string Code, string Title, string Unit, double? Value, double? Previous, double? Target, string? Source, bool HigherIsWorse = false);

public sealed record TrendChartData(string Key, string Title, string Unit, IReadOnlyList<ChartSegment> Segments, string? Note = null);

public sealed record OverviewData(IReadOnlyList<Kpi> Kpis, IReadOnlyList<TrendChartData> Charts, IReadOnlyList<string> TableHeader,
    IReadOnlyList<IReadOnlyList<string?>> TableRows, string? SyntheticNote);

/// <summary>The figures of the Tổng quan page: six KPI cards for the year and 2009–2024 trends with targets.</summary>
public sealed class OverviewService(IndicatorQueries indicators, SampleLabels samples)
{
    private static readonly (string Code, string Title, string Unit, bool HigherIsWorse)[] KpiCodes =
    [
        ("cov_rate", "Tỷ lệ bao phủ BHYT", "percent", false),
        ("cov_participants", "Số người tham gia BHYT", "persons", false),
        ("kcb_visits", "Lượt khám chữa bệnh BHYT", "visits", false),
        ("spend_kcb", "Chi khám chữa bệnh BHYT", "million_vnd", true),
        ("fund_revenue_vs_plan", "Thu BHYT so với kế hoạch", "percent", false),
        ("fund_spending_vs_budget", "Chi KCB so với dự toán", "percent", true),
    ];

    private static readonly string[] Codes =
        ["cov_rate", "cov_participants", "cov_population", "kcb_visits", "spend_kcb", "fund_revenue", "fund_revenue_plan", "fund_kcb_spending", "fund_kcb_budget",
         "fund_revenue_vs_plan", "fund_spending_vs_budget"];

    public async Task<OverviewData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var wide = selection with { From = Math.Min(selection.From, selection.Year - 1) };
        var figures = (await indicators.ForUnitAsync(unit, wide, Codes, ct)).Select(f => f.Figure).ToList();
        var years = YearValues.From(figures);

        var kpis = KpiCodes.Select(k => new Kpi(k.Code, k.Title, k.Unit,
            years.Value(k.Code, selection.Year), years.Value(k.Code, selection.Year - 1), years.Value(k.Code, selection.Year, "target"),
            years.SourceNote(k.Code, selection.Year), k.HigherIsWorse)).ToList();

        var inRange = figures.Where(f => f.Start.Year >= selection.From && f.End.Year <= selection.To).ToList();
        var charts = new List<TrendChartData>
        {
            Chart("cov_rate", "Tỷ lệ bao phủ BHYT (%) và chỉ tiêu", "percent", inRange),
            Chart("cov_participants", "Số người tham gia BHYT", "persons", inRange),
            Chart("kcb_visits", "Lượt khám chữa bệnh BHYT", "visits", inRange),
            Chart("spend_kcb", "Chi khám chữa bệnh BHYT", "million_vnd", inRange),
            Chart("fund_revenue", "Thu quỹ BHYT", "million_vnd", inRange),
        };

        var header = new List<string> { "Năm" }.Concat(KpiCodes.Select(k => k.Title)).ToList();
        var rows = Enumerable.Range(selection.From, selection.To - selection.From + 1)
            .Select(y => (IReadOnlyList<string?>)new List<string?> { y.ToString() }
                .Concat(KpiCodes.Select(k => years.Value(k.Code, y) is { } v ? Format.Value(v, k.Unit) : "")).ToList())
            .ToList();
        return new OverviewData(kpis, charts, header, rows, await samples.NoteForAsync(unit, ct));
    }

    /// <summary>Actual figures by source (reported, claims-derived) as solid lines, targets dashed.</summary>
    private static TrendChartData Chart(string code, string title, string unit, List<Figure> figures)
    {
        var mine = figures.Where(f => f.Indicator == code).ToList();
        var segments = new List<ChartSegment>();
        segments.AddRange(SeriesBuilder.Segments("Báo cáo", "#0b5394", false, mine.Where(f => f.IsActual && f.Source == "submission")));
        segments.AddRange(SeriesBuilder.Segments("Từ hồ sơ KCB", "#e69138", false, mine.Where(f => f.IsActual && f.Source == "claims")));
        segments.AddRange(SeriesBuilder.Segments("Chỉ tiêu", "#cc0000", true, mine.Where(f => !f.IsActual)));
        var ranges = mine.Count(f => f.Shape == PeriodShape.Range);
        return new TrendChartData(code, title, unit, segments, ranges > 0 ? $"{ranges} số liệu cả giai đoạn (như 2015–2019) được vẽ thành đoạn ngang suốt giai đoạn." : null);
    }
}

/// <summary>Year figures of one unit by indicator, kind and year; reported figures win over claims-derived ones.</summary>
public sealed class YearValues
{
    private readonly Dictionary<(string Code, string Kind, int Year), Figure> _figures = [];

    public static YearValues From(IEnumerable<Figure> figures)
    {
        var values = new YearValues();
        foreach (var f in figures.Where(f => f.Shape == PeriodShape.Year).OrderBy(f => f.Source == "submission" ? 1 : 0))
            values._figures[(f.Indicator, f.Kind, f.Year)] = f;
        return values;
    }

    public double? Value(string code, int year, string kind = "actual") => _figures.TryGetValue((code, kind, year), out var f) ? f.Value : null;

    public string? SourceNote(string code, int year) => _figures.TryGetValue((code, "actual", year), out var f)
        ? f.Source == "claims" ? "Tính từ hồ sơ KCB" : f.Mapped ? "Quy đổi từ đơn vị cũ" : "Theo báo cáo"
        : null;
}

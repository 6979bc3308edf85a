using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Kcb;

/// <summary>One indicator and year with the reported and the claims-derived value side by side.</summary>
/// <param name="NotComparable">Why the two cannot be compared (claims from only part of the unit), shown instead of a difference.</param>
/// <param name="SubmittedNote">Set when the reported-side figure is derived (mapped from the units before 2025, or computed): says so.</param>
public sealed record SideBySide(string Code, string Title, string Unit, int Year, double? Submitted, double? FromClaims, string? NotComparable = null,
    string? SubmittedNote = null)
{
    public double? Difference => NotComparable is null && Submitted is { } s && FromClaims is { } c && s != 0 ? Math.Round((c - s) / s * 100, 1) : null;
}

/// <summary>A chart's bars, all from one source (reported or claims-derived), and that source's name.</summary>
/// <param name="Basis">"reported" or "claims" (null without bars).</param>
public sealed record SourcedBars(IReadOnlyList<BarSeries> Series, string? SourceVi, string? Basis = null);

/// <param name="SpendingNote">What the spending categories do not cover: shown only where claims came without their detail tables.</param>
public sealed record KcbData(SourcedBars ByTier, SourcedBars ByType, SourcedBars Spending,
    IReadOnlyList<ChartSegment> CostPerVisit, IReadOnlyList<SideBySide> Compare, IReadOnlyList<ClaimsMonth> Months, string? ClaimsScope,
    string? SpendingNote = null);

/// <summary>The Khám chữa bệnh page: visits by tier and type, cost per visit, spending by category, reported vs claims-derived.</summary>
public sealed class KcbService(IndicatorQueries indicators, ClaimsQueries claims, UnitCatalog units)
{
    /// <summary>The catalog's ratio spend_kcb / kcb_visits × 1,000,000 (VND per visit), derived by the warehouse.</summary>
    public const string CostPerVisit = "kcb_cost_per_visit";

    private static readonly (string Code, string Title)[] Tiers =
        [("kcb_visits_province", "Tuyến tỉnh"), ("kcb_visits_district", "Tuyến huyện"), ("kcb_visits_commune", "Tuyến xã")];

    private static readonly (string Code, string Title)[] Types =
        [("kcb_inpatient", "Nội trú"), ("kcb_outpatient", "Ngoại trú")];

    private static readonly (string Code, string Title)[] SpendingCodes =
    [
        ("spend_drugs", "Thuốc"), ("spend_supplies", "Vật tư y tế"), ("spend_services", "Dịch vụ kỹ thuật"), ("spend_exam_bed", "Khám bệnh, ngày giường"),
    ];

    private static readonly (string Code, string Title, string Unit)[] Compared =
    [
        ("kcb_visits", "Tổng lượt KCB BHYT", "visits"), ("kcb_inpatient", "Lượt nội trú", "visits"), ("kcb_outpatient", "Lượt ngoại trú", "visits"),
        ("spend_kcb", "Tổng chi KCB BHYT", "million_vnd"), ("spend_drugs", "Chi thuốc", "million_vnd"),
    ];

    public async Task<KcbData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var codes = Tiers.Select(t => t.Code).Concat(Types.Select(t => t.Code)).Concat(SpendingCodes.Select(s => s.Code))
            .Concat(Compared.Select(c => c.Code)).Append("spend_inpatient").Append("spend_outpatient").Append(CostPerVisit).Distinct().ToList();
        var figures = (await indicators.ForUnitAsync(unit, selection, codes, ct)).Select(f => f.Figure)
            .Where(f => f.IsActual && f.Shape == PeriodShape.Year).ToList();
        // One source per chart (the one covering more of its bars; reported on a tie): a national reported total
        // stacked beside one province's claims would read as a collapse.
        SourcedBars Bars((string Code, string Title)[] series)
        {
            var mine = figures.Where(f => series.Any(s => s.Code == f.Indicator)).ToList();
            if (mine.Count == 0) return new SourcedBars([], null);
            var basis = mine.GroupBy(f => f.Basis).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == "reported" ? 0 : 1).First().Key;
            var bars = series
                .Select(s => new BarSeries(s.Title, mine.Where(f => f.Indicator == s.Code && f.Basis == basis).OrderBy(f => f.Year)
                    .Select(f => new NamedBar(f.Year.ToString(), f.Value)).ToList()))
                .Where(s => s.Bars.Count > 0).ToList();
            var mapped = mine.Any(f => f.Basis == basis && f.IsMapped) ? ", năm trước 2025 quy đổi từ đơn vị cũ" : "";
            return new SourcedBars(bars, (basis == "claims" ? "tính từ hồ sơ KCB" : "theo báo cáo") + mapped, basis);
        }

        // The warehouse's cost per visit (spend_kcb / kcb_visits, never mixing reported with claims figures): one per
        // year, from reported figures where they exist, else from claims.
        var costPerVisit = figures.Where(f => f.Indicator == CostPerVisit).GroupBy(f => f.Year).Select(y => y.OrderBy(f => f.Precedence).First());

        // The country's claims-derived totals cover only the provinces that sent claims: compare only when all did.
        var provinceCount = unit.Level == "country" ? (await units.ChildrenAsync(selection.Set, unit.Code, ct)).Count : 0;
        var withClaims = unit.Level == "country" && figures.Any(f => f.Basis == "claims")
            ? await claims.ProvincesWithClaimsAsync(selection.From, selection.To, ct)
            : [];
        var compare = new List<SideBySide>();
        foreach (var (code, title, unitName) in Compared)
            for (var year = selection.To; year >= selection.From; year--)
            {
                var reported = figures.Where(f => f.Indicator == code && f.Year == year && f.IsReportedBasis).OrderBy(f => f.Precedence).FirstOrDefault();
                var submitted = reported?.Value;
                var derived = figures.FirstOrDefault(f => f.Indicator == code && f.Year == year && f.Basis == "claims")?.Value;
                if (submitted is null && derived is null) continue;
                var partial = derived is not null && unit.Level == "country" && withClaims.GetValueOrDefault(year) < provinceCount
                    ? $"hồ sơ KCB chỉ có của {withClaims.GetValueOrDefault(year)}/{provinceCount} tỉnh"
                    : null;
                compare.Add(new SideBySide(code, title, unitName, year, submitted, derived, partial, reported?.IsDerived == true ? reported.SourceVi : null));
            }

        // Claims aggregates exist per province (pre-2025 codes); a district or commune reads its figures from the derived indicators above.
        List<ClaimsMonth> months = [];
        string? scope = null;
        if (unit.Level == "country") { months = await claims.MonthlyAsync(null, selection.Year, ct); scope = "toàn quốc"; }
        else if (unit.Level == "province" && !selection.IsPost2025) { months = await claims.MonthlyAsync(unit.Code, selection.Year, ct); scope = unit.Name; }

        var spending = Bars(SpendingCodes);
        return new KcbData(Bars(Tiers), Bars(Types), spending,
            SeriesBuilder.Segments("Chi phí bình quân một lượt (đồng)", "#0b5394", false, costPerVisit).ToList(),
            compare, months, scope, await SpendingNoteAsync(unit, selection, spending, ct));
    }

    /// <summary>
    /// Services, examinations and bed-days come only from the detail tables XML2/XML3: where the chart is claims-derived,
    /// say how many of the claims came with them (claims aggregates exist per pre-2025 province, so a district, a commune
    /// or a 2025 province gets the general caveat); reported figures hold every category.
    /// </summary>
    private async Task<string?> SpendingNoteAsync(UnitInfo unit, Selection selection, SourcedBars spending, CancellationToken ct)
    {
        if (spending.Basis != "claims") return null;
        var fromDetails = spending.Series.Any(s => SpendingCodes.Any(c => c.Title == s.Name && FromDetails.Contains(c.Code)));
        string? province = unit.Level == "country" ? null : unit.Level == "province" && !selection.IsPost2025 ? unit.Code : "";
        if (province == "")
            return fromDetails ? "Dịch vụ kỹ thuật, khám bệnh và ngày giường chỉ tính từ những hồ sơ có gửi kèm bảng chi tiết XML2/XML3." : NoDetails;
        var (all, withDetails) = await claims.DetailCoverageAsync(province, selection.From, selection.To, ct);
        if (withDetails == 0) return NoDetails;
        if (withDetails >= all) return null;
        return $"Dịch vụ kỹ thuật, khám bệnh và ngày giường chỉ tính cho {Math.Round(100.0 * withDetails / all).ToString("0", Format.Vi)} % số hồ sơ " +
            $"({withDetails.ToString("N0", Format.Vi)}/{all.ToString("N0", Format.Vi)}) có bảng chi tiết XML2/XML3; các hồ sơ còn lại cần bảng XML2/XML3.";
    }

    private const string NoDetails =
        "Hồ sơ KCB đã nạp chỉ có XML1 (tổng tiền thuốc và vật tư); dịch vụ kỹ thuật, khám bệnh và ngày giường cần bảng chi tiết XML2/XML3 hoặc báo cáo.";

    // The categories only the detail tables give.
    private static readonly string[] FromDetails = ["spend_services", "spend_exam_bed"];
}

using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Coverage;

public sealed record YearBar(string Year, double Value);

public sealed record GroupSeries(string Code, string Title, IReadOnlyList<YearBar> Bars);

public sealed record LabelledValue(string Label, double Value);

/// <param name="RateSource">What the shown rate is (stated, or derived: computed from parts, mapped from the units before 2025).</param>
public sealed record ChildCoverage(UnitInfo Unit, double? Rate, double? Target, IReadOnlyDictionary<int, double> Trend, bool CanDrill, string? RateSource = null, bool RateDerived = false)
{
    /// <summary>Percentage points still missing to reach the target (negative or zero = reached).</summary>
    public double? Gap => Rate is { } r && Target is { } t ? Math.Round(t - r, 2) : null;
}

/// <param name="GroupsNote">Set when some of the groups' bars were computed by the warehouse (mapped from the units before 2025): says so.</param>
public sealed record CoverageData(IReadOnlyList<GroupSeries> Groups, IReadOnlyList<LabelledValue> Special, string ChildLevelTitle, IReadOnlyList<ChildCoverage> Children,
    string? GroupsNote = null);

/// <summary>The Bao phủ page: contributor groups by year, special populations, and the child units' coverage against target.</summary>
public sealed class CoverageService(IndicatorQueries indicators, UnitCatalog units)
{
    private static readonly (string Code, string Title)[] GroupCodes =
    [
        ("grp_employer", "Người lao động, người sử dụng lao động đóng"),
        ("grp_social_insurance", "Cơ quan BHXH đóng"),
        ("grp_state", "Ngân sách Nhà nước đóng"),
        ("grp_state_support", "Ngân sách hỗ trợ mức đóng"),
        ("grp_household", "Hộ gia đình"),
        ("grp_other", "Nhóm khác"),
    ];

    private static readonly (string Code, string Title)[] SpecialCodes =
    [
        ("rate_poor", "Người nghèo"), ("rate_near_poor", "Người cận nghèo"), ("rate_social_policy", "Chính sách xã hội"),
        ("rate_under6", "Trẻ em dưới 6 tuổi"), ("rate_over80", "Người trên 80 tuổi"), ("rate_students", "Học sinh, sinh viên"),
    ];

    public async Task<CoverageData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var codes = GroupCodes.Select(g => g.Code).Concat(SpecialCodes.Select(s => s.Code)).ToList();
        var figures = (await indicators.ForUnitAsync(unit, selection, codes, ct)).Select(f => f.Figure)
            .Where(f => f.IsActual && f.Shape == PeriodShape.Year).ToList();
        var groups = GroupCodes
            .Select(g => new GroupSeries(g.Code, g.Title, figures.Where(f => f.Indicator == g.Code)
                .GroupBy(f => f.Year).OrderBy(y => y.Key)
                .Select(y => new YearBar(y.Key.ToString(), y.OrderBy(f => f.Precedence).First().Value)).ToList()))
            .Where(g => g.Bars.Count > 0)
            .ToList();
        var special = SpecialCodes
            .Select(s => (s.Title, Figure: figures.FirstOrDefault(f => f.Indicator == s.Code && f.Year == selection.Year)))
            .Where(s => s.Figure is not null)
            .Select(s => new LabelledValue(s.Title, s.Figure!.Value))
            .ToList();

        var children = await units.ChildrenAsync(selection.Set, unit.Code, ct);
        var childFigures = (await indicators.ForChildrenAsync(unit, selection, ["cov_rate"], ct))
            .Where(f => f.Figure.Indicator == "cov_rate" && f.Figure.Shape == PeriodShape.Year)
            .ToLookup(f => f.UnitCode);
        var rows = children.Select(c =>
        {
            var mine = childFigures[c.Code].Select(f => f.Figure).ToList();
            var shown = mine.Where(f => f.IsActual).GroupBy(f => f.Year).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Precedence).First());
            var target = mine.FirstOrDefault(f => !f.IsActual && f.Year == selection.Year)?.Value;
            var rate = shown.GetValueOrDefault(selection.Year);
            return new ChildCoverage(c, rate?.Value, target, shown.ToDictionary(y => y.Key, y => y.Value.Value), c.ChildLevel(selection.Set) is not null,
                rate?.SourceVi, rate?.IsDerived == true);
        }).ToList();
        var title = unit.ChildLevel(selection.Set) switch
        {
            "province" => "Các tỉnh, thành phố",
            "district" => "Các quận, huyện, thị xã, thành phố",
            "commune" => "Các xã, phường, thị trấn",
            _ => "Đơn vị cấp dưới",
        };
        var derivedYears = figures.Where(f => f.IsDerived && GroupCodes.Any(g => g.Code == f.Indicator)).Select(f => f.Year).Distinct().Order().ToList();
        var note = derivedYears.Count == 0 ? null
            : $"Năm {string.Join(", ", derivedYears)}: số do kho tính ({string.Join(", ", figures.Where(f => f.IsDerived).Select(f => Format.Inline(f.SourceVi)).Distinct())}), không phải số báo cáo.";
        return new CoverageData(groups, special, title, rows, note);
    }
}

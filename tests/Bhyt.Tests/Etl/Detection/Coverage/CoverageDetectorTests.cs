using static Bhyt.Tests.Support.SubmissionRows;
using static Bhyt.Tests.Support.CoverageMonths;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Coverage;

/// <summary>
/// The coverage detector on real DuckDB warehouses loaded through the import path. Bắc Giang (24): Lục Ngạn (219) fell
/// from 99.1 % in June 2021 to 87.21 % in July (domain.md); Lục Nam (218) is its stable neighbour.
/// </summary>
public sealed class CoverageDetectorTests
{
    private static async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return await new CoverageDetector().DetectAsync(new DetectionContext(warehouse.Engine, connection, null, null), CancellationToken.None);
    }

    [Fact]
    public async Task DetectAsync_lucngan_july_2021_fall_raises_one_drop_naming_the_fall_and_the_household_group()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, new[]
        {
            Month("219", "2021-05", 100_000, [10_000, 3_000, 40_000, 16_000, 30_050, 0], "99,05"),
            Month("219", "2021-06", 100_000, [10_000, 3_000, 40_000, 16_100, 30_000, 0], "99,1"),
            Month("219", "2021-07", 100_000, [10_000, 3_000, 40_000, 16_100, 18_110, 0], "87,21"),
            Month("219", "2021-08", 100_000, [10_000, 3_000, 40_000, 16_200, 18_200, 0], "87,5"),
            Month("218", "2021-05", 200_000, [30_000, 6_000, 70_000, 40_000, 44_000, 600], "95,3"),
            Month("218", "2021-06", 200_000, [30_000, 6_000, 70_000, 40_100, 44_100, 600], "95,4"),
            Month("218", "2021-07", 200_000, [30_100, 6_000, 69_500, 40_100, 44_000, 600], "95,15"),
            Month("218", "2021-08", 200_000, [30_100, 6_000, 69_600, 40_200, 44_100, 600], "95,3"),
        }.SelectMany(r => r));

        var findings = await DetectAsync(warehouse);

        var drop = Assert.Single(findings);
        Assert.Equal((AnomalyKinds.CoverageDrop, "unit", "219", "219", "2021-07", AnomalyFinding.High), (drop.Kind, drop.SubjectKind, drop.SubjectCode, drop.UnitCode, drop.PeriodLabel, drop.Severity));
        Assert.Equal((87.21, 99.1, 11.89), (drop.Value!.Value, drop.Expected!.Value, drop.Score!.Value));
        Assert.StartsWith("Tỷ lệ bao phủ BHYT của Huyện Lục Ngạn giảm từ 99,10 % (06/2021) xuống 87,21 % (07/2021), −11,89 điểm %", drop.Explanation);
        Assert.Contains("chủ yếu do nhóm tham gia BHYT theo hộ gia đình giảm 11.890 người (−40 %)", drop.Explanation);
    }

    [Fact]
    public async Task DetectAsync_parent_drop_names_the_children_that_explain_it_and_its_distance_to_target()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Lục Ngạn and three of its communes, yearly 2020 → 2021; Biên Sơn (07555) carries 80 % of the fall (enough to name it alone), Cấm Sơn the rest, Biển Động none.
        await ImportAsync(warehouse, new[]
        {
            Month("219", "2020", 50_000, [5_000, 1_000, 30_000, 8_000, 5_500, 0], "99"),
            Month("219", "2021", 50_000, [5_000, 1_000, 25_000, 8_000, 5_500, 0], "89"),
            Month("07555", "2020", 20_000, [2_000, 400, 12_000, 3_200, 2_200, 0], "99"),
            Month("07555", "2021", 20_000, [2_000, 400, 8_000, 3_200, 2_200, 0], "79"),
            Month("07528", "2020", 15_000, [1_500, 300, 9_000, 2_400, 1_650, 0], "99"),
            Month("07528", "2021", 15_000, [1_500, 300, 8_000, 2_400, 1_650, 0], "92,33"),
            Month("07573", "2020", 15_000, [1_500, 300, 9_000, 2_400, 1_650, 0], "99"),
            Month("07573", "2021", 15_000, [1_500, 300, 9_000, 2_400, 1_650, 0], "99"),
            ["219,,2021,cov_rate,95,target"],
        }.SelectMany(r => r));

        var findings = await DetectAsync(warehouse);

        var district = Assert.Single(findings, f => f.SubjectCode == "219" && f.Kind == AnomalyKinds.CoverageDrop);
        Assert.Contains("Đơn vị giải thích mức giảm: Xã Biên Sơn giảm 4.000 người (80 % mức giảm).", district.Explanation);
        Assert.DoesNotContain("Biển Động", district.Explanation);
        Assert.Contains("Chỉ tiêu năm 2021 là 95,00 %, còn thiếu 6,00 điểm %.", district.Explanation);
        Assert.Equal(["07528", "07555"], findings.Where(f => f.Kind == AnomalyKinds.CoverageDrop && f.SubjectCode != "219").Select(f => f.SubjectCode).Order());
        Assert.Contains(findings, f => f.Kind == AnomalyKinds.BelowTarget && f.SubjectCode == "219" && f.Severity == AnomalyFinding.Medium);
    }

    [Fact]
    public async Task DetectAsync_below_target_by_a_margin_only()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, [
            "218,,2022,cov_rate,\"88,5\",", "218,,2022,cov_rate,\"92,1\",target",
            "219,,2022,cov_rate,\"90,2\",", "219,,2022,cov_rate,\"90,6\",target"]);

        var finding = Assert.Single(await DetectAsync(warehouse));

        Assert.Equal((AnomalyKinds.BelowTarget, "218", "2022", AnomalyFinding.Low, 3.6), (finding.Kind, finding.SubjectCode, finding.PeriodLabel, finding.Severity, finding.Score!.Value));
        Assert.Equal("Tỷ lệ bao phủ BHYT của Huyện Lục Nam 2022 là 88,50 %, thấp hơn chỉ tiêu 92,10 % là 3,60 điểm %.", finding.Explanation);
    }

    [Fact]
    public async Task DetectAsync_state_group_collapsing_into_household_is_a_group_collapse_not_a_drop()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, new[]
        {
            Month("218", "2021-06", 200_000, [30_000, 6_000, 70_000, 40_000, 44_000, 600], "95,3"),
            Month("218", "2021-07", 200_000, [30_000, 6_000, 45_000, 40_000, 69_500, 600], "95,55"),
            Month("219", "2021-06", 100_000, [10_000, 3_000, 40_000, 16_000, 25_000, 1_000], "95"),
            Month("219", "2021-07", 100_000, [10_000, 3_000, 39_000, 16_000, 26_000, 700], "95"),
        }.SelectMany(r => r));

        var finding = Assert.Single(await DetectAsync(warehouse));

        Assert.Equal((AnomalyKinds.GroupCollapse, "218", "2021-07", "grp_state", AnomalyFinding.Medium), (finding.Kind, finding.SubjectCode, finding.PeriodLabel, finding.Measure, finding.Severity));
        Assert.StartsWith("Nhóm do ngân sách Nhà nước đóng của Huyện Lục Nam giảm từ 70.000 xuống 45.000 người (−36 %) giữa 06/2021 và 07/2021", finding.Explanation);
    }

    [Fact]
    public async Task DetectAsync_stable_yearly_series_and_a_small_monthly_dip_raise_nothing()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, [
            "218,,2019,cov_rate,\"90,0\",", "218,,2020,cov_rate,\"90,9\",", "218,,2021,cov_rate,\"89,4\",", "218,,2022,cov_rate,\"91,2\",",
            "219,,2021-06,cov_rate,\"97,0\",", "219,,2021-07,cov_rate,\"95,1\",", "219,,2021-09,cov_rate,\"96,0\","]);

        Assert.Empty(await DetectAsync(warehouse));
    }

    /// <summary>Communes of Lục Ngạn (219): same level, so each other's peers.</summary>
    private static readonly string[] LucNganCommunes = ["07555", "07528", "07573", "07609", "07591", "07570"];

    /// <summary>
    /// A commune-month whose pupils' cards (state-supported group) lapse by <paramref name="pupilsLapse"/> and whose
    /// household group lost <paramref name="householdLoss"/> members; the rate is derived from the groups as reported.
    /// </summary>
    private static IEnumerable<string> CommuneMonth(string unit, string period, double pupilsLapse = 0, long householdLoss = 0)
    {
        long[] groups = [1_700, 300, 3_100, (long)(1_600 * (1 - pupilsLapse)), 2_600 - householdLoss, 100];
        var rate = (100.0 * groups.Sum() / 10_000).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        return Month(unit, period, 10_000, groups, rate);
    }

    private static IEnumerable<string> Months(int year, int from, int to, Func<string, int, IEnumerable<string>> unitMonth) =>
        Enumerable.Range(from, to - from + 1).SelectMany(m => LucNganCommunes.SelectMany(c => unitMonth(c, m).Select(r => r.Replace("{p}", $"{year}-{m:D2}"))));

    [Fact]
    public async Task DetectAsync_september_lapse_every_commune_shares_every_year_is_not_a_drop_but_a_subtle_fall_of_one_commune_is()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Every September a fifth of pupils' cards lapse in every commune (−3,2 points) and are renewed in October; in
        // May 2023 Biên Sơn (07555) alone loses 250 household cards (−2,5 points).
        await ImportAsync(warehouse, new[] { 2022, 2023 }.SelectMany(year => Months(year, 4, 10, (unit, m) =>
            CommuneMonth(unit, "{p}", pupilsLapse: m == 9 ? 0.2 : 0, householdLoss: year == 2023 && unit == "07555" && m >= 5 ? 250 : 0))));

        var findings = await DetectAsync(warehouse);

        var drop = Assert.Single(findings, f => f.Kind == AnomalyKinds.CoverageDrop);
        Assert.Equal(("07555", "2023-05"), (drop.SubjectCode, drop.PeriodLabel));
        Assert.DoesNotContain(findings, f => f.PeriodLabel!.EndsWith("-09", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DetectAsync_fall_every_peer_shares_but_no_earlier_year_had_is_a_drop_in_each_commune()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // July 2022 was calm; in July 2023 every commune of the district loses 800 household cards (a reclassification).
        await ImportAsync(warehouse, new[] { 2022, 2023 }.SelectMany(year => Months(year, 5, 8, (unit, m) =>
            CommuneMonth(unit, "{p}", householdLoss: year == 2023 && m >= 7 ? 800 : 0))));

        var findings = await DetectAsync(warehouse);

        var drops = findings.Where(f => f.Kind == AnomalyKinds.CoverageDrop).ToList();
        Assert.Equal(LucNganCommunes.Order(), drops.Select(d => d.SubjectCode).Order());
        Assert.All(drops, d => Assert.Equal("2023-07", d.PeriodLabel));
    }

    [Fact]
    public async Task DetectAsync_september_lapse_in_the_first_year_is_excused_by_peers_and_named_in_no_finding()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // No earlier year: the peers alone witness that every commune lapses in September.
        await ImportAsync(warehouse, Months(2023, 7, 10, (unit, m) => CommuneMonth(unit, "{p}", pupilsLapse: m == 9 ? 0.2 : 0)));

        var findings = await DetectAsync(warehouse);

        Assert.DoesNotContain(findings, f => f.Kind is AnomalyKinds.CoverageDrop or AnomalyKinds.GroupCollapse);
    }
}

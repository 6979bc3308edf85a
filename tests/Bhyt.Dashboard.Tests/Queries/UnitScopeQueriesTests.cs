using Bhyt.Dashboard.Components.Pages.Coverage;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Dashboard.Tests.Queries;

/// <summary>
/// Every query service the dashboard uses, built as the pages get them, for callers limited to a unit scope on a real
/// warehouse with two provinces' data (<see cref="TwoProvinceWarehouse"/>): the same call that gives the country's caller
/// rows gives a caller of another province none, even when the other unit is passed explicitly.
/// </summary>
public sealed class UnitScopeQueriesTests(TwoProvinceWarehouse warehouse) : IClassFixture<TwoProvinceWarehouse>
{
    private const string LamDong = "pre2025:68";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Selection Year2023 = Selection.Default with { From = 2023, To = 2023 };

    private static async Task<UnitInfo> UnitAsync(TwoProvinceWarehouse.Services services, string code, string set = BoundarySets.Pre2025) =>
        (await services.Get<UnitCatalog>().FindAsync(set, code, None))!;

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await warehouse.Engine.OpenAsync(None);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }

    /// <summary>Each service call over the other province (Bắc Giang), counting what it returns.</summary>
    private IEnumerable<(string Call, Func<TwoProvinceWarehouse.Services, Task<int>> Count)> CallsAboutBacGiang()
    {
        string[] codes = ["cov_rate", "cov_participants"];
        yield return ("IndicatorQueries.ForUnitAsync(24)", async s => (await s.Get<IndicatorQueries>().ForUnitAsync(await UnitAsync(s, "24"), Year2023, codes, None)).Count);
        yield return ("IndicatorQueries.ForUnitAsync(ward of 213)", async s => (await s.Get<IndicatorQueries>().ForUnitAsync(await UnitAsync(s, TwoProvinceWarehouse.BacGiangWard), Year2023, codes, None)).Count);
        yield return ("IndicatorQueries.ForChildrenAsync(24)", async s => (await s.Get<IndicatorQueries>().ForChildrenAsync(await UnitAsync(s, "24"), Year2023, codes, None)).Count);
        yield return ("IndicatorQueries.ForChildrenAsync(country)", async s => (await s.Get<IndicatorQueries>().ForChildrenAsync(await UnitAsync(s, "VN"), Year2023, codes, None)).Count(f => f.UnitCode == "24"));
        yield return ("HistoryQueries.ForUnitAsync(24)", async s => (await s.Get<HistoryQueries>().ForUnitAsync(await UnitAsync(s, "24"), Year2023, codes, None)).Count);
        yield return ("ClaimsQueries.MonthlyAsync(24)", async s => (await s.Get<ClaimsQueries>().MonthlyAsync("24", 2023, None)).Count);
        yield return ("ClaimsQueries.DetailCoverageAsync(24)", async s => (int)(await s.Get<ClaimsQueries>().DetailCoverageAsync("24", 2023, 2023, None)).Claims);
        yield return ("SubmissionQueries.ListAsync(24)", async s => (await s.Get<SubmissionQueries>().ListAsync(await UnitAsync(s, "24"), 100, None)).Count);
        yield return ("SubmissionQueries.IssuesAsync(rejected file of 24)", async s => (await s.Get<SubmissionQueries>().IssuesAsync(
            await ScalarAsync<long>("SELECT submission_id FROM rpt.submissions WHERE file_name = 'bac-giang-loi.csv'"), None)).Count);
        yield return ("SubmissionQueries.ReportingAsync(24)", async s => (await s.Get<SubmissionQueries>().ReportingAsync(await UnitAsync(s, "24"), Year2023, 2023, None)).Count);
        yield return ("AnomalyQueries.ListAsync(24)", async s => (await s.Get<AnomalyQueries>().ListAsync(await UnitAsync(s, "24"), new AnomalyFilter(), 100, None)).Count);
        yield return ("AnomalyQueries.PrecisionAsync(24)", async s => (await s.Get<AnomalyQueries>().PrecisionAsync(await UnitAsync(s, "24"), None)).Count);
        yield return ("AnomalyQueries.AnomaliesAsync (rows of 24's subtree)", async s => (await s.Get<AnomalyQueries>().AnomaliesAsync(100, None)).Count(a => a.UnitCode is "24" or "213"));
        yield return ("AnomalyQueries.IsVisibleAsync(anomaly of 213)", async s => await s.Get<AnomalyQueries>().IsVisibleAsync(
            await ScalarAsync<long>("SELECT anomaly_id FROM rpt.anomalies WHERE unit_code = '213' AND subject_kind = 'unit'"), None) ? 1 : 0);
        yield return ("AnomalySeriesQueries.UnitSeriesAsync(213)", async s => (await s.Get<AnomalySeriesQueries>().UnitSeriesAsync("213", BoundarySets.Pre2025, ["cov_rate"], None)).Count);
        yield return ("AnomalySeriesQueries.FacilityBandAsync(24001)", async s => (await s.Get<AnomalySeriesQueries>().FacilityBandAsync("24001", "cost_per_claim", 1, None)).Count);
        yield return ("AnomalySeriesQueries.ClaimWithCounterpartsAsync(BG-1)", async s => (await s.Get<AnomalySeriesQueries>().ClaimWithCounterpartsAsync("BG-1", None)).Count);
        yield return ("AnomalySeriesQueries.CardMonthAsync(card of BG-1)", async s => (await s.Get<AnomalySeriesQueries>().CardMonthAsync(
            await ScalarAsync<string>("SELECT card_pseudonym FROM dw.fct_claim WHERE claim_id = 'BG-1'"), new DateTime(2023, 2, 1), None)).Count);
        yield return ("AlertQueries.AlertsAsync(24)", async s => (await s.Get<AlertQueries>().AlertsAsync(await UnitAsync(s, "24"), 100, None)).Count);
        yield return ("AlertQueries.IsVisibleAsync(alert of 213)", async s => await s.Get<AlertQueries>().IsVisibleAsync(
            await ScalarAsync<long>("SELECT alert_id FROM rpt.alerts WHERE unit_code = '213'"), None) ? 1 : 0);
        yield return ("FigureCandidateQueries.ListAsync(213)", async s => (await s.Get<FigureCandidateQueries>().ListAsync(null, "213", 100, None)).Count);
        yield return ("FigureCandidateQueries.ListAsync(all)", async s => (await s.Get<FigureCandidateQueries>().ListAsync(null, null, 100, None)).Count(c => c.UnitCode == "213"));
        yield return ("UnitCatalog.SearchAsync(bac giang)", async s => (await s.Get<UnitCatalog>().SearchAsync(BoundarySets.Pre2025, "bac giang", 12, s.Access, None)).Count);
        yield return ("OverviewService.LoadAsync(24)", async s => (await s.Get<OverviewService>().LoadAsync(await UnitAsync(s, "24"), Year2023, None)).Kpis.Count(k => k.Value is not null));
        yield return ("CoverageService.LoadAsync(24)", async s => (await s.Get<CoverageService>().LoadAsync(await UnitAsync(s, "24"), Year2023, None)).Children.Count(c => c.Rate is not null));
        yield return ("KcbService.LoadAsync(24)", async s => (await s.Get<KcbService>().LoadAsync(await UnitAsync(s, "24"), Year2023, None)).Months.Count);
        yield return ("SubmissionsService.LoadAsync(24)", async s => (await s.Get<SubmissionsService>().LoadAsync(await UnitAsync(s, "24"), Year2023, None)).Submissions.Count);
    }

    [Fact]
    public async Task Every_service_gives_a_province_scoped_caller_nothing_of_another_province_even_when_asked_for_it()
    {
        await using var country = await warehouse.ServicesAsync(null);
        await using var lamDong = await warehouse.ServicesAsync(LamDong);

        var leaks = new List<string>();
        foreach (var (call, count) in CallsAboutBacGiang())
        {
            Assert.True(await count(country) > 0, $"{call}: the country's caller reads nothing, so the test proves nothing");
            if (await count(lamDong) is var seen and > 0) leaks.Add($"{call}: {seen}");
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Province_scoped_caller_reads_its_own_province_through_the_same_services()
    {
        await using var s = await warehouse.ServicesAsync(LamDong);

        var own = await s.Get<IndicatorQueries>().ForUnitAsync(await UnitAsync(s, "68"), Year2023, ["cov_rate"], None);
        Assert.Equal(TwoProvinceWarehouse.Coverage2023["68"], Assert.Single(own).Figure.Value);
        var children = await s.Get<IndicatorQueries>().ForChildrenAsync(await UnitAsync(s, "68"), Year2023, ["cov_rate"], None);
        Assert.Equal(["672", "673"], children.Select(c => c.UnitCode).Order());
        Assert.Equal(["672"], (await s.Get<AnomalyQueries>().AnomaliesAsync(100, None)).Select(a => a.UnitCode).Distinct());
        Assert.NotEmpty(await s.Get<AlertQueries>().AlertsAsync(await UnitAsync(s, "68"), 100, None));
        Assert.Equal(2, (await s.Get<ClaimsQueries>().MonthlyAsync(null, 2023, None)).Sum(m => m.Claims));
        Assert.Equal(1, (await s.Get<ClaimsQueries>().ProvincesWithClaimsAsync(2023, 2023, None))[2023]);
        Assert.Equal(["672"], (await s.Get<FigureCandidateQueries>().ListAsync(null, null, 100, None)).Select(c => c.UnitCode).Distinct());
        var files = (await s.Get<SubmissionQueries>().ListAsync(await UnitAsync(s, "68"), 100, None)).Select(f => f.FileName).Order();
        Assert.Equal(["bao-cao-da-lat.txt", "bao-phu-24781.csv", "bao-phu-672.csv", "bao-phu-673.csv", "bao-phu-68.csv"], files);
        Assert.True(Assert.Single(await s.Get<AnomalySeriesQueries>().ClaimWithCounterpartsAsync("LD-1", None)).IsFlagged);
    }

    /// <summary>
    /// Code 24 is Bắc Giang before the 2025 reform and the merged Bắc Ninh after it, so a code alone does not say which
    /// province an anomaly is about; a coverage anomaly is about the unit of the set in force at its period, so Bắc Giang's
    /// accounts read Bắc Giang's 2023 anomaly (and can give it a verdict), while Lâm Đồng's still read none of it.
    /// </summary>
    [Fact]
    public async Task A_province_whose_code_was_reused_in_2025_reads_its_own_anomalies()
    {
        await using var bacGiang = await warehouse.ServicesAsync("pre2025:24");
        await using var lamDong = await warehouse.ServicesAsync(LamDong);
        var ofBacGiang = await ScalarAsync<long>("SELECT anomaly_id FROM rpt.anomalies WHERE unit_code = '24'");

        var own = await bacGiang.Get<AnomalyQueries>().AnomaliesAsync(100, None);
        var listed = await bacGiang.Get<AnomalyQueries>().ListAsync(await UnitAsync(bacGiang, "24"), new AnomalyFilter(), 100, None);

        Assert.Contains(own, a => a.UnitCode == "24");
        Assert.Contains(listed, a => a.Id == ofBacGiang);
        Assert.True(await bacGiang.Get<AnomalyQueries>().IsVisibleAsync(ofBacGiang, None));
        Assert.False(await lamDong.Get<AnomalyQueries>().IsVisibleAsync(ofBacGiang, None));
        Assert.DoesNotContain(own, a => a.UnitCode is "68" or "672");
    }

    [Fact]
    public async Task District_scoped_caller_reads_the_district_and_its_wards_not_the_province_nor_a_sibling()
    {
        await using var s = await warehouse.ServicesAsync("672");
        var figures = s.Get<IndicatorQueries>();

        foreach (var code in new[] { "672", TwoProvinceWarehouse.DaLatWard })
            Assert.Equal(TwoProvinceWarehouse.Coverage2023[code], Assert.Single(await figures.ForUnitAsync(await UnitAsync(s, code), Year2023, ["cov_rate"], None)).Figure.Value);
        foreach (var code in new[] { "68", "673", "24", "VN" })
            Assert.Empty(await figures.ForUnitAsync(await UnitAsync(s, code), Year2023, ["cov_rate"], None));
        Assert.Empty(await s.Get<ClaimsQueries>().MonthlyAsync(null, 2023, None)); // claims aggregates are per province
        Assert.Equal(["672"], (await s.Get<AnomalyQueries>().AnomaliesAsync(100, None)).Select(a => a.UnitCode).Distinct());
        var wards = await s.Get<UnitCatalog>().SearchAsync(BoundarySets.Pre2025, "phuong 2", 50, s.Access, None);
        Assert.Contains(wards, w => w.Code == TwoProvinceWarehouse.DaLatWard);
        Assert.All(wards, w => Assert.Equal("672", w.ParentCode)); // dozens of "Phường 2" in the country, only Đà Lạt's offered
        Assert.Equal(["672", TwoProvinceWarehouse.DaLatWard], (await s.Get<UnitCatalog>().PathAsync(BoundarySets.Pre2025, TwoProvinceWarehouse.DaLatWard, s.Access, None)).Select(u => u.Code));
    }

    [Fact]
    public async Task Scope_of_a_2025_province_reads_the_former_provinces_merged_into_it_and_no_other()
    {
        await using var s = await warehouse.ServicesAsync("post2025:68"); // Lâm Đồng from 1/7/2025: the former Lâm Đồng, Đắk Nông and Bình Thuận
        var figures = s.Get<IndicatorQueries>();

        foreach (var code in new[] { "68", "67", "672" })
            Assert.Equal(TwoProvinceWarehouse.Coverage2023[code], Assert.Single(await figures.ForUnitAsync(await UnitAsync(s, code), Year2023, ["cov_rate"], None)).Figure.Value);
        Assert.Empty(await figures.ForUnitAsync(await UnitAsync(s, "24"), Year2023, ["cov_rate"], None));
        Assert.True(s.Access.Allows(await UnitAsync(s, "68", BoundarySets.Post2025)));
        Assert.Equal("68", (await s.Get<UnitCatalog>().HomeAsync(BoundarySets.Post2025, s.Access, None))!.Code);
        Assert.Equal("60", (await s.Get<UnitCatalog>().HomeAsync(BoundarySets.Pre2025, s.Access, None))!.Code); // the first former province by code
    }
}

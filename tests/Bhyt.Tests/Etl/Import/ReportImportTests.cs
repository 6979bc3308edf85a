using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import;

public class ReportImportTests
{
    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string seed) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(SharedSeeds.File(seed), new ImportOptions(ImportKinds.Report), null, CancellationToken.None);

    [Fact]
    public async Task ImportAsync_seed001_stores_Da_Lat_figures_exactly_and_nothing_for_dashes()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "001_");

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal("672", result.Submission.UnitCode);
        Assert.Equal(179611m, await warehouse.Engine.ValueAsync("672", "2015-2019", "cov_participants"));
        Assert.Equal(60.85m, await warehouse.Engine.ValueAsync("672", "2009-2014", "cov_rate"));
        Assert.Equal(425249m, await warehouse.Engine.ValueAsync("672", "2020-2024", "kcb_visits"));
        Assert.Equal(622943m, await warehouse.Engine.ValueAsync("672", "2015-2019", "fund_revenue"));
        Assert.Equal(78.11m, await warehouse.Engine.ValueAsync("672", "2009-2014", "rate_students"));
        Assert.Equal(10.80m, await warehouse.Engine.ValueAsync("672", "2015-2019", "grp_employer_share"));
        Assert.Equal(3110m, await warehouse.Engine.ValueAsync("672", "2020-2024", "kcb_inpatient_district"));
        // "-" in the document: not reported, so nothing stored (never 0).
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2009-2014", "cov_households"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2015-2019", "fund_kcb_spending"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2009-2014", "grp_employer"));
    }

    [Fact]
    public async Task ImportAsync_seed001_warns_about_the_groups_and_the_inpatient_tiers()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "001_");

        var sums = await warehouse.Engine.QueryAsync<(string Rule, string Period, string Indicator)>(
            "SELECT rule, period_label, indicator_code FROM rpt.validation_issues WHERE submission_id = @id AND rule LIKE 'sum_of:%'",
            new { id = result.Submission.SubmissionId });
        Assert.Contains(("sum_of:cov_participants", "2015-2019", "cov_participants"), sums);
        Assert.Contains(("sum_of:kcb_inpatient", "2020-2024", "kcb_inpatient"), sums);
        Assert.Equal(2, sums.Count);
    }

    [Fact]
    public async Task ImportAsync_seed002_stores_commune_targets_and_warns_on_every_unbalanced_2019_row()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "002_");

        Assert.Equal(10000m, await warehouse.Engine.ValueAsync("02200", "2018-12-31", "cov_participants", "target"));
        Assert.Equal(111672m, await warehouse.Engine.ValueAsync("070", "2020-12-31", "cov_population", "target"));
        var communes = await warehouse.Engine.QueryAsync<string>(
            "SELECT DISTINCT unit_code FROM rpt.indicator_values WHERE submission_id = @id", new { id = result.Submission.SubmissionId });
        Assert.Equal(14, communes.Count);
        var unbalanced = await warehouse.Engine.QueryAsync<(string Unit, string Period)>(
            "SELECT unit_code, period_label FROM rpt.validation_issues WHERE submission_id = @id AND rule = 'sum_of:cov_population'",
            new { id = result.Submission.SubmissionId });
        Assert.All(unbalanced, u => Assert.Equal("2019-12-31", u.Period));
        Assert.Equal(7, unbalanced.Count);
        Assert.Contains(("070", "2019-12-31"), unbalanced);
    }

    [Fact]
    public async Task ImportAsync_empty_template_ends_empty_with_a_note()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "000_");

        Assert.Equal("empty", result.Submission.Status);
        Assert.True(result.IsEmpty);
        Assert.Equal(0, result.Submission.RowsLoaded);
        Assert.DoesNotContain(result.Issues, i => i.IsError);
        Assert.Contains("biểu mẫu trống", result.Note);
    }
}

using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import;

public class SubmissionCsvImportTests
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, params string[] rows)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllLinesAsync(path, [Header, .. rows]);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    [Fact]
    public async Task ImportAsync_one_unparseable_cell_rejects_the_file_whole_naming_row_and_column()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "bad.csv", "672,,2021,cov_participants,215.000,", ",Thành phố Đà Lạt,2021-07,kcb_visits,12.3x4,actual");

        Assert.True(result.IsRejected);
        var error = Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal("value.unparseable", error.Rule);
        Assert.Equal("dòng 3, cột value", error.Location);
        Assert.Empty(await warehouse.Engine.QueryAsync<decimal>("SELECT value FROM rpt.indicator_values"));
        Assert.Equal("rejected", (await warehouse.Engine.QueryAsync<string>("SELECT status FROM rpt.submissions")).Single());
    }

    /// <summary>
    /// A file of several units belongs to the nearest unit holding them all, so that the accounts scoped to it see the file
    /// and its issues: a province with its districts is the province's; two provinces are the country's (no province's).
    /// </summary>
    [Theory]
    [InlineData("68", "pre2025", "68,,2021,cov_participants,1.215.000,", "672,,2021,cov_participants,215.000,", "673,,2021,cov_participants,80.000,")]
    [InlineData("68", "pre2025", "672,,2021,cov_participants,215.000,", "673,,2021,cov_participants,80.000,")]
    [InlineData("672", "pre2025", "672,,2021,cov_participants,215.000,")]
    [InlineData("VN", "national", "68,,2021,cov_participants,1.215.000,", "24,,2021,cov_participants,1.500.000,")]
    public async Task ImportAsync_a_file_of_several_units_is_the_nearest_unit_holding_them_all(string unit, string set, params string[] rows)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "bao-phu.csv", rows);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal([(unit, set)], await warehouse.Engine.QueryAsync<(string, string)>("SELECT unit_code, boundary_set FROM rpt.submissions"));
    }

    [Theory]
    [InlineData("999,,2021,cov_participants,1,", "unit.unknown")]
    [InlineData("672,,2021,no_such_indicator,1,", "indicator.unknown")]
    [InlineData("672,,năm ngoái,cov_participants,1,", "period.unparseable")]
    [InlineData("672,,2021,cov_participants,-5,", "value.negative")]
    [InlineData("672,,2021,cov_rate,104%,", "value.above_100")]
    [InlineData(",Tân Hà,2021,cov_participants,1,", "unit.ambiguous")]
    public async Task ImportAsync_impossible_or_unknown_input_is_an_error(string row, string rule)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "x.csv", row);

        Assert.True(result.IsRejected);
        Assert.Contains(result.Issues, i => i.IsError && i.Rule == rule);
    }

    [Fact]
    public async Task ImportAsync_identical_file_is_a_duplicate_and_a_revision_supersedes_keeping_history()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        string[] rows = ["672,,2021,cov_participants,215.000,", "672,,2021,fund_revenue,150 tỷ đồng,actual"];

        var first = await ImportAsync(warehouse, "good.csv", rows);
        var again = await ImportAsync(warehouse, "good.csv", rows);
        var revised = await ImportAsync(warehouse, "revised.csv", "672,,2021,cov_participants,216.500,");

        Assert.Equal("loaded", first.Submission.Status);
        Assert.Equal("duplicate", again.Submission.Status);
        Assert.Equal(first.Submission.SubmissionId, again.Submission.DuplicateOf);
        Assert.Equal(216500m, await warehouse.Engine.ValueAsync("672", "2021", "cov_participants"));
        Assert.Equal(150000m, await warehouse.Engine.ValueAsync("672", "2021", "fund_revenue"));
        var history = await warehouse.Engine.QueryAsync<(decimal Value, bool Current)>(
            "SELECT f.value, f.is_current FROM dw.fct_indicator_value f JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key WHERE i.code = 'cov_participants' ORDER BY f.value_id");
        Assert.Equal([(215000m, false), (216500m, true)], history);
        Assert.Equal(3, (await warehouse.Engine.QueryAsync<long>("SELECT submission_id FROM rpt.submissions")).Count);
        var reported = await warehouse.Engine.QueryAsync<(decimal Value, string File, bool Current, string Location)>("""
            SELECT value, file_name, is_current, source_location FROM rpt.indicator_history
            WHERE unit_code = '672' AND period_label = '2021' AND indicator_code = 'cov_participants' ORDER BY loaded_at, value
            """);
        Assert.Equal([(215000m, "good.csv", false), (216500m, "revised.csv", true)], reported.Select(r => (r.Value, r.File, r.Current)));
        Assert.All(reported, r => Assert.StartsWith("dòng ", r.Location));
    }

    [Fact]
    public async Task ImportAsync_semicolons_BOM_and_blank_values_are_accepted_and_blanks_are_not_stored()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "semi.csv");
        await File.WriteAllTextAsync(path, "unit_code;unit_name;period;indicator;value;value_kind\n672;;2021-Q3;kcb_visits;1.234;\n672;;2021-Q3;kcb_inpatient;-;\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(1234m, await warehouse.Engine.ValueAsync("672", "2021-Q3", "kcb_visits"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2021-Q3", "kcb_inpatient"));
    }

    [Fact]
    public async Task ImportAsync_fund_parts_derive_the_ratios_and_a_revised_part_recomputes_them()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        await ImportAsync(warehouse, "fund.csv", "68,,2024-03,fund_revenue,120.000,", "68,,2024-03,fund_revenue_plan,125.000,",
            "68,,2024-03,fund_kcb_spending,98.500,", "68,,2024-03,fund_kcb_budget,90.000,");
        var before = await warehouse.Engine.ValueAsync("68", "2024-03", "fund_revenue_vs_plan");
        await ImportAsync(warehouse, "revised.csv", "68,,2024-03,fund_revenue,125.000,");

        Assert.Equal(96m, before);
        Assert.Equal(109.44m, await warehouse.Engine.ValueAsync("68", "2024-03", "fund_spending_vs_budget"));
        Assert.Equal(100m, await warehouse.Engine.ValueAsync("68", "2024-03", "fund_revenue_vs_plan"));
    }

    [Fact]
    public async Task ImportAsync_reported_fund_ratio_is_kept_not_derived()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        await ImportAsync(warehouse, "fund.csv", "68,,2024,fund_revenue,120.000,", "68,,2024,fund_revenue_plan,125.000,", "68,,2024,fund_revenue_vs_plan,97%,");

        Assert.Equal(97m, await warehouse.Engine.ValueAsync("68", "2024", "fund_revenue_vs_plan"));
    }
}

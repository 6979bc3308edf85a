using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Validation;

/// <summary>The load's arithmetic warnings come from the catalog's rules (sum_of, ratio definitions), on a real warehouse.</summary>
public sealed class ConsistencyRulesTests
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, params string[] rows)
    {
        var path = Path.Combine(warehouse.Directory, "f.csv");
        await File.WriteAllLinesAsync(path, [Header, .. rows]);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    [Theory]
    [InlineData("\"90,2\"", false)] // 215.000 / 238.300 × 100 = 90,22: within the rounding of one decimal
    [InlineData("\"93,5\"", true)]
    public async Task Check_a_written_coverage_rate_is_compared_with_its_parts_within_its_rounding(string rate, bool warned)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "672,,2021,cov_participants,215.000,", "672,,2021,cov_population,238.300,", $"672,,2021,cov_rate,{rate},");

        Assert.False(result.IsRejected);
        Assert.Equal(warned, result.Issues.Any(i => i.Rule == "ratio:cov_rate"));
    }

    [Fact]
    public async Task Check_every_ratio_of_the_catalog_is_checked_the_fund_ratio_too()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "68,,2024-03,fund_revenue,120 tỷ đồng,", "68,,2024-03,fund_revenue_plan,150 tỷ đồng,",
            "68,,2024-03,fund_revenue_vs_plan,\"85,0\",");

        var warning = Assert.Single(result.Issues, i => i.Rule == "ratio:fund_revenue_vs_plan");
        Assert.Contains("fund_revenue / fund_revenue_plan × 100", warning.Message);
        Assert.Contains("80,00", warning.Message);
    }

    [Fact]
    public async Task Check_shares_of_one_whole_must_not_exceed_it()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "672,,2021,grp_employer_share,60,", "672,,2021,grp_household_share,45,");

        Assert.Contains(result.Issues, i => i.Rule == "shares:cov_participants" && i.Message.Contains("105"));
    }
}

using Bhyt.Tests.Support;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Tests.Warehouse.Querying;

public class UnitSubtreeResolverTests(ScopedWarehouseFixture fixture) : IClassFixture<ScopedWarehouseFixture>
{
    private async Task<RptScope> ResolveAsync(string? code)
    {
        using var db = new ReportingDb(fixture.Warehouse.Engine);
        return await new UnitSubtreeResolver(db).ResolveAsync(code, CancellationToken.None);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("VN")]
    public async Task ResolveAsync_no_scope_or_the_country_code_is_the_country(string? code)
    {
        Assert.True((await ResolveAsync(code)).IsCountry);
    }

    [Fact]
    public async Task ResolveAsync_province_takes_its_districts_and_communes_and_no_unit_of_another_province()
    {
        var expected = await fixture.Warehouse.Engine.QueryAsync<string>(
            "SELECT DISTINCT unit_code FROM rpt.units WHERE province_code = '01' OR unit_code = '01'");
        var others = await fixture.Warehouse.Engine.QueryAsync<string>(
            "SELECT DISTINCT unit_code FROM rpt.units WHERE province_code IN ('79', '31') AND unit_code NOT IN (SELECT unit_code FROM rpt.units WHERE province_code = '01')");

        var hanoi = await ResolveAsync("01");

        Assert.Superset(expected.ToHashSet(), hanoi.UnitCodes!.ToHashSet());
        Assert.True(expected.Count > 500, $"{expected.Count} units in Hà Nội");
        Assert.Empty(hanoi.UnitCodes!.Intersect(others));
    }

    [Fact]
    public async Task ResolveAsync_2025_province_takes_in_the_old_province_merged_whole_and_its_districts()
    {
        var oldDistricts = await fixture.Warehouse.Engine.QueryAsync<string>(
            "SELECT unit_code FROM rpt.units WHERE parent_code = '77' AND level = 'district'");

        var hcm = await ResolveAsync("79");

        Assert.Contains("77", hcm.UnitCodes!);
        Assert.NotEmpty(oldDistricts);
        Assert.All(oldDistricts, d => Assert.Contains(d, hcm.UnitCodes!));
        Assert.DoesNotContain("01", hcm.UnitCodes!);
    }
}

using Bhyt.Tests.Support;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Tests.Warehouse.Querying;

/// <summary>A scoped analyst's console session: every rpt view filtered to the scope's subtree, unit-less views hidden.</summary>
public class RptScopeQueryTests(ScopedWarehouseFixture fixture) : IClassFixture<ScopedWarehouseFixture>
{
    private async Task<QueryResult> RunAsync(string sql, RptScope scope) =>
        await new ReadOnlyQueryRunner(fixture.Warehouse.Engine).RunRptAsync(sql, scope, QueryLimits.Default, CancellationToken.None);

    private async Task<List<string>> UnitsWithValuesAsync(RptScope scope) =>
        (await RunAsync("SELECT DISTINCT unit_code FROM rpt.indicator_values ORDER BY unit_code", scope)).Rows.Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task RunRptAsync_country_scope_sees_every_province()
    {
        Assert.Equal(ScopedWarehouseFixture.UnitsWithValues.Order(StringComparer.Ordinal), await UnitsWithValuesAsync(RptScope.Country));
    }

    [Fact]
    public async Task RunRptAsync_province_scope_sees_its_own_units_and_no_other_province()
    {
        var hanoi = await fixture.ScopeAsync("01");

        Assert.Equal(["001", "01"], await UnitsWithValuesAsync(hanoi));
        Assert.Empty((await RunAsync("SELECT * FROM rpt.indicator_values WHERE unit_code IN ('79', '77', '31')", hanoi)).Rows);
        Assert.Empty((await RunAsync("SELECT * FROM rpt.indicator_history WHERE unit_code = '79'", hanoi)).Rows);
    }

    [Fact]
    public async Task RunRptAsync_select_star_of_every_unit_view_returns_only_rows_in_scope()
    {
        var hanoi = await fixture.ScopeAsync("01");

        foreach (var view in RptViewScopes.All.Where(v => v.Filter == RptViewFilter.Unit))
        {
            var result = await RunAsync($"SELECT * FROM rpt.{view.View}", hanoi);
            var column = result.Columns.ToList().IndexOf(view.Columns[0]);
            Assert.True(column >= 0, $"rpt.{view.View} has no {view.Columns[0]}");
            Assert.All(result.Rows, row => Assert.Contains((string)row[column]!, hanoi.UnitCodes!));
        }
        var units = await RunAsync("SELECT DISTINCT province_code FROM rpt.units WHERE level <> 'province'", hanoi);
        Assert.Equal(["01"], units.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task RunRptAsync_scope_of_a_2025_province_takes_in_the_province_merged_into_it()
    {
        var hcm = await fixture.ScopeAsync("79");

        Assert.Equal(["77", "79"], await UnitsWithValuesAsync(hcm));
    }

    [Fact]
    public async Task RunRptAsync_district_scope_sees_its_district_and_facility_not_the_province()
    {
        var baDinh = await fixture.ScopeAsync("001");

        Assert.Equal(["001"], await UnitsWithValuesAsync(baDinh));
        var claims = await RunAsync("SELECT facility_code FROM rpt.claims_monthly", baDinh);
        Assert.Equal(["01001"], claims.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task RunRptAsync_facility_views_show_only_facilities_of_the_scope()
    {
        var all = await RunAsync("SELECT DISTINCT facility_code FROM rpt.claims_monthly ORDER BY 1", RptScope.Country);
        var hcm = await RunAsync("SELECT DISTINCT facility_code FROM rpt.claims_monthly ORDER BY 1", await fixture.ScopeAsync("79"));

        Assert.Equal(["01001", "79001"], all.Rows.Select(r => (string)r[0]!));
        Assert.Equal(["79001"], hcm.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task RunRptAsync_unknown_scope_code_sees_no_rows()
    {
        var unknown = await fixture.ScopeAsync("ZZ");

        Assert.Empty(await UnitsWithValuesAsync(unknown));
        Assert.Empty((await RunAsync("SELECT * FROM rpt.units", unknown)).Rows);
    }

    [Fact]
    public async Task RunRptAsync_view_without_units_is_absent_for_a_scoped_analyst()
    {
        var hanoi = await fixture.ScopeAsync("01");

        await RunAsync("SELECT count(*) FROM rpt.form_layouts", RptScope.Country);
        var failure = await Assert.ThrowsAsync<QueryFailedException>(() => RunAsync("SELECT count(*) FROM rpt.form_layouts", hanoi));
        Assert.Contains("form_layouts", failure.Message);
    }

    [Fact]
    public async Task RptColumnsAsync_lists_every_view_for_the_country_and_hides_unit_less_views_from_a_scope()
    {
        var runner = new ReadOnlyQueryRunner(fixture.Warehouse.Engine);
        var views = await fixture.Warehouse.Engine.QueryAsync<string>("SELECT view_name FROM duckdb_views() WHERE schema_name = 'rpt'");

        var country = await runner.RptColumnsAsync(RptScope.Country, CancellationToken.None);
        var scoped = await runner.RptColumnsAsync(await fixture.ScopeAsync("01"), CancellationToken.None);

        Assert.Equal(views.Where(v => RptViewScopes.For(v)?.Filter != RptViewFilter.Hidden).Order(StringComparer.Ordinal),
            country.Select(c => c.View).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(country, c => c.View == "audit");
        Assert.Contains(country, c => c is { View: "indicator_values", Column: "value", DataType: "DECIMAL(24,6)" });
        Assert.DoesNotContain(scoped, c => c.View == "form_layouts");
        Assert.Contains(scoped, c => c.View == "indicator_values");
    }

    [Fact]
    public async Task RptViewScopes_lists_every_rpt_view_of_a_fresh_warehouse_with_columns_it_has()
    {
        var columns = await fixture.Warehouse.Engine.QueryAsync<(string View, string Column)>(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'rpt'");

        var views = columns.Select(c => c.View).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(views, RptViewScopes.All.Select(v => v.View).Order(StringComparer.Ordinal));
        Assert.All(RptViewScopes.All.SelectMany(v => v.Columns.Select(c => (v.View, Column: c))),
            pair => Assert.Contains(pair, columns));
    }
}

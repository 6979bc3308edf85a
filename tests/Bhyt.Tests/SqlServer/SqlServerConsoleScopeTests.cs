using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Tests.SqlServer;

/// <summary>
/// The console's unit scope on SQL Server: row-level security keyed by SESSION_CONTEXT (sql/sqlserver/0021_console.sql).
/// Runs only when <c>BHYT_TEST_SQLSERVER</c> names a server.
/// </summary>
public class SqlServerConsoleScopeTests(SqlServerWarehouseFixture fixture) : IClassFixture<SqlServerWarehouseFixture>
{
    private const string Provinces = "SELECT DISTINCT province_code FROM rpt.units WHERE province_code IS NOT NULL ORDER BY province_code";

    [Fact]
    public async Task RunRptAsync_console_user_sees_only_its_scope_and_nothing_without_one()
    {
        var engine = fixture.Engine;
        await using (var admin = await engine.OpenAsync(CancellationToken.None))
            await admin.ExecuteAsync($"""
                EXEC etl.refresh_unit_scope_members;
                ALTER ROLE bhyt_console_user ADD MEMBER {SqlServerWarehouseFixture.ReaderLogin};
                """);
        try
        {
            var runner = new ReadOnlyQueryRunner(fixture.ReaderEngine);

            var country = await runner.RunRptAsync(Provinces, RptScope.Country, QueryLimits.Default, CancellationToken.None);
            var hanoi = await runner.RunRptAsync(Provinces, RptScope.Units("01", ["01"]), QueryLimits.Default, CancellationToken.None);
            var unscoped = await runner.RunAsync(Provinces, QueryLimits.Default, CancellationToken.None);
            var hidden = await runner.RunRptAsync("SELECT count(*) FROM rpt.form_layouts", RptScope.Units("01", ["01"]), QueryLimits.Default, CancellationToken.None);

            Assert.True(country.Rows.Count >= 63, $"{country.Rows.Count} provinces for the country");
            Assert.Equal(["01"], hanoi.Rows.Select(r => (string)r[0]!));
            Assert.Empty(unscoped.Rows);
            Assert.Equal(0, Convert.ToInt32(Assert.Single(hidden.Rows)[0]));
        }
        finally
        {
            await using var admin = await engine.OpenAsync(CancellationToken.None);
            await admin.ExecuteAsync($"ALTER ROLE bhyt_console_user DROP MEMBER {SqlServerWarehouseFixture.ReaderLogin};");
        }
    }
}

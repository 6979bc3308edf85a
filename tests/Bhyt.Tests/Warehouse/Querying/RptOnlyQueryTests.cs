using System.Diagnostics;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Tests.Warehouse.Querying;

/// <summary>The console's door (<see cref="ReadOnlyQueryRunner.RunRptAsync"/>): the rpt views and nothing else, with the guard's limits.</summary>
public class RptOnlyQueryTests(ScopedWarehouseFixture fixture) : IClassFixture<ScopedWarehouseFixture>
{
    private ReadOnlyQueryRunner Runner => new(fixture.Warehouse.Engine);

    private Task<QueryResult> RunAsync(string sql, RptScope? scope = null, QueryLimits? limits = null, CancellationToken ct = default) =>
        Runner.RunRptAsync(sql, scope ?? RptScope.Country, limits ?? QueryLimits.Default, ct);

    public static TheoryData<string> OutsideRpt() =>
    [
        "SELECT * FROM dw.dim_unit",
        "FROM dw.fct_claim",
        "SELECT count(*) FROM etl.submission",
        "SELECT count(*) FROM etl.console_query",
        "SELECT * FROM rpt.units WHERE unit_code IN (SELECT unit_code FROM dw.dim_unit)",
        "WITH c AS (SELECT * FROM dw.fct_claim) SELECT * FROM c",
        "SELECT * FROM information_schema.tables",
        "SELECT * FROM information_schema.columns WHERE table_schema = 'dw'",
        "SELECT * FROM pg_catalog.pg_class",
        "SELECT * FROM duckdb_tables()",
        "SELECT * FROM duckdb_columns()",
        "SELECT * FROM bhyt_kho.dw.fct_claim",
        "SELECT * FROM bhyt_kho.rpt.indicator_values",
        "SELECT * FROM memory.rpt.units",
        "SELECT * FROM dim_unit",
        "SHOW TABLES",
        "SHOW ALL TABLES",
        "DESCRIBE dw.dim_unit",
        "SUMMARIZE dw.fct_claim",
        "SELECT * FROM console_scope.unit",
    ];

    [Theory]
    [MemberData(nameof(OutsideRpt))]
    public async Task RunRptAsync_query_naming_anything_outside_rpt_is_refused_as_rpt_only(string sql)
    {
        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() => RunAsync(sql));

        Assert.Equal("sql.rpt_only", refusal.Rule);
        Assert.Contains("rpt", refusal.Message);
    }

    public static TheoryData<string> Hostile() =>
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_parquet('/tmp/x.parquet')",
        "SELECT * FROM glob('/tmp/*')",
        "SELECT * FROM '/etc/passwd'",
        "ATTACH '/tmp/other.duckdb' AS other",
        "COPY (SELECT * FROM rpt.units) TO '/tmp/units.csv'",
        "PRAGMA database_list",
        "SET enable_external_access = true",
        "SELECT 1; SELECT 2",
        "SELECT * FROM rpt.units; DROP VIEW rpt.units",
        "CREATE TABLE rpt.t AS SELECT 1",
        "SELECT getenv('HOME')",
        "SELECT * FROM duckdb_databases()",
        "SELECT * FROM query_table('dw.dim_unit')",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task RunRptAsync_hostile_statement_is_refused_before_it_runs(string sql)
    {
        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() => RunAsync(sql));

        Assert.StartsWith("sql.", refusal.Rule);
        Assert.NotEqual("sql.permission", refusal.Rule);
        Assert.False(File.Exists("/tmp/units.csv") && File.GetLastWriteTimeUtc("/tmp/units.csv") > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task RunRptAsync_analytic_query_over_rpt_views_returns_their_rows()
    {
        var expected = await fixture.Warehouse.Engine.QueryAsync<long>(
            "SELECT count(*) FROM rpt.units WHERE level = 'province' AND boundary_set = 'post2025'");

        var result = await RunAsync("""
            WITH provinces AS (SELECT * FROM rpt.units WHERE level = 'province' AND boundary_set = 'post2025')
            SELECT count(*) AS n, count(DISTINCT v.unit_code) AS with_values
            FROM provinces p LEFT JOIN rpt.indicator_values v ON v.unit_code = p.unit_code
            """);

        Assert.Equal(["n", "with_values"], result.Columns);
        var row = Assert.Single(result.Rows);
        Assert.Equal(Assert.Single(expected), Convert.ToInt64(row[0]));
        Assert.True(Convert.ToInt64(row[1]) >= 1);
    }

    [Fact]
    public async Task RunRptAsync_more_rows_than_the_cap_is_truncated_at_the_cap()
    {
        var result = await RunAsync("SELECT unit_code FROM rpt.units ORDER BY unit_code", limits: new QueryLimits(TimeSpan.FromSeconds(30), 25));

        Assert.Equal(25, result.Rows.Count);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task RunRptAsync_query_longer_than_the_timeout_is_interrupted()
    {
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(
            "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", limits: new QueryLimits(TimeSpan.FromSeconds(1), 10)));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunRptAsync_cancelled_while_running_stops_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(
            "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", limits: new QueryLimits(TimeSpan.FromSeconds(60), 10), ct: cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(8));
    }
}

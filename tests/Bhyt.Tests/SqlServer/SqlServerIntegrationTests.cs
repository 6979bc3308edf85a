using System.Data.Common;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Tests.SqlServer;

/// <summary>The SQL Server engine against a real server; runs only where <c>BHYT_TEST_SQLSERVER</c> names one.</summary>
public class SqlServerIntegrationTests(SqlServerWarehouseFixture fixture) : IClassFixture<SqlServerWarehouseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string SequenceValue =
        "SELECT CAST(current_value AS bigint) FROM sys.sequences WHERE object_id = OBJECT_ID('dw.seq_unit')";

    private static int IndicatorCount => File.ReadLines(
        Path.Combine(RepositoryRoot.Directory, "warehouse", "Reference", "Data", "indicators.csv")).Skip(1).Count(l => l.Length > 0);

    private async Task<DbConnection> OpenAsync() => await fixture.Engine.OpenAsync(None);

    [Fact]
    public async Task InitAsync_twice_succeeds_and_the_second_applies_nothing()
    {
        var engine = fixture.Engine;
        await using var connection = await OpenAsync();

        var recorded = (await connection.QueryAsync<int>("SELECT version FROM etl.schema_version ORDER BY version")).ToList();

        Assert.Equal("sqlserver", engine.Name);
        Assert.NotNull(fixture.SecondInit);
        Assert.Empty(fixture.SecondInit.Applied);
        var versions = MigrationScript.For("sqlserver").Where(s => !s.IsBootstrap).Select(s => s.Version).ToList();
        Assert.Equal(versions, recorded);
        Assert.Equal(versions[^1], fixture.SecondInit.SchemaVersion);
    }

    [Fact]
    public async Task RptIndicators_holds_the_whole_catalog()
    {
        await using var connection = await OpenAsync();

        var count = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM rpt.indicators");

        Assert.Equal(70, IndicatorCount);
        Assert.Equal(IndicatorCount, count);
    }

    [Theory]
    [InlineData("2024-07-01", 63)]
    [InlineData("2026-01-01", 34)]
    public async Task RptUnits_provinces_valid_on_a_day_match_the_boundary_set(string day, int provinces)
    {
        await using var connection = await OpenAsync();

        var count = await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM rpt.units
            WHERE level = 'province' AND valid_from <= @day AND (valid_to IS NULL OR valid_to >= @day)
            """, new { day = DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(provinces, count);
    }

    [Theory]
    [InlineData("INSERT INTO etl.reference_load (name, sha256, row_count, loaded_at) VALUES ('x', 'x', 0, GETDATE())", "sql.not_select")]
    [InlineData("SELECT * INTO dbo.units_copy FROM rpt.units", "sql.select_into")]
    [InlineData("SELECT 1; DROP TABLE dw.unit_succession", "sql.multiple_statements")]
    [InlineData("SELECT NEXT VALUE FOR dw.seq_unit", "sql.function")]
    [InlineData("SELECT * FROM OPENROWSET(BULK 'C:\\Windows\\win.ini', SINGLE_CLOB) AS f", "sql.host_access")]
    public async Task RunAsync_writing_statement_is_refused_and_changes_nothing(string sql, string rule)
    {
        await using var connection = await OpenAsync();
        var before = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM etl.reference_load");
        var sequenceBefore = await connection.ExecuteScalarAsync<long>(SequenceValue);

        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() =>
            new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync(sql, QueryLimits.Default, None));

        Assert.Equal(rule, refusal.Rule);
        Assert.Equal(before, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM etl.reference_load"));
        Assert.Null(await connection.ExecuteScalarAsync<int?>("SELECT OBJECT_ID('dbo.units_copy')"));
        Assert.Equal(sequenceBefore, await connection.ExecuteScalarAsync<long>(SequenceValue));
    }

    [Fact]
    public async Task RunAsync_cte_is_accepted_and_counts_provinces_of_mid_2024()
    {
        var result = await new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync("""
            WITH valid AS (
                SELECT * FROM rpt.units
                WHERE valid_from <= '2024-07-01' AND (valid_to IS NULL OR valid_to >= '2024-07-01')
            )
            SELECT count(*) AS provinces FROM valid WHERE level = 'province'
            """, QueryLimits.Default, None);

        Assert.Equal(["provinces"], result.Columns);
        Assert.Equal(63, Convert.ToInt32(Assert.Single(result.Rows)[0]));
    }

    [Fact]
    public async Task RptViews_columns_equal_those_of_DuckDB()
    {
        await using var connection = await OpenAsync();
        var sqlServer = await ViewColumnsAsync(connection, """
            SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS
            WHERE TABLE_SCHEMA = 'rpt' ORDER BY TABLE_NAME, ORDINAL_POSITION
            """);
        await using var duckConnection = await fixture.DuckDb!.Engine.OpenAsync(None);
        var duckDb = await ViewColumnsAsync(duckConnection, """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'rpt' ORDER BY table_name, ordinal_position
            """);

        Assert.NotEmpty(duckDb);
        Assert.Equal(duckDb.Keys.Order(StringComparer.Ordinal), sqlServer.Keys.Order(StringComparer.Ordinal));
        foreach (var (view, columns) in duckDb)
            Assert.True(columns.SequenceEqual(sqlServer[view]),
                $"rpt.{view}: DuckDB ({string.Join(", ", columns)}) ≠ SQL Server ({string.Join(", ", sqlServer[view])})");
    }

    [Fact]
    public async Task RunAsync_door_without_a_reader_login_refuses_the_warehouses_writing_login()
    {
        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() =>
            new ReadOnlyQueryRunner(fixture.EngineWithoutReader).RunAsync("SELECT count(*) FROM rpt.indicators", QueryLimits.Default, None));

        Assert.Equal("sql.reader_login", refusal.Rule);
        Assert.Contains("dw:INSERT", refusal.Message);
    }

    [Fact]
    public async Task RunAsync_reader_login_reads_the_rpt_views()
    {
        var result = await new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync("SELECT count(*) AS n FROM rpt.indicators", QueryLimits.Default, None);

        Assert.Equal(IndicatorCount, Convert.ToInt32(Assert.Single(result.Rows)[0]));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM dw.dim_unit")]
    [InlineData("SELECT count(*) FROM etl.submission")]
    public async Task RunAsync_reader_login_cannot_read_the_tables_below_the_views(string sql)
    {
        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() =>
            new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync(sql, QueryLimits.Default, None));

        Assert.Equal("sql.permission", refusal.Rule);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 2)]
    public async Task RunAsync_runs_under_snapshot_isolation_where_the_database_allows_it_else_read_committed(bool allowSnapshot, int level)
    {
        await using var connection = await OpenAsync();
        var before = await connection.ExecuteScalarAsync<int>("SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()");
        try
        {
            await connection.ExecuteAsync($"ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION {(allowSnapshot ? "ON" : "OFF")}");

            var result = await new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync(
                "SELECT transaction_isolation_level FROM sys.dm_exec_sessions WHERE session_id = @@SPID", QueryLimits.Default, None);

            Assert.Equal(level, Convert.ToInt32(Assert.Single(result.Rows)[0]));
        }
        finally
        {
            await connection.ExecuteAsync($"ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION {(before == 1 ? "ON" : "OFF")}");
        }
    }

    [Fact]
    public async Task RunAsync_query_longer_than_the_timeout_is_stopped_and_mapped_to_QueryTimeoutException()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<QueryTimeoutException>(() => new ReadOnlyQueryRunner(fixture.ReaderEngine).RunAsync(
            "SELECT count_big(*) FROM sys.all_objects a CROSS JOIN sys.all_objects b CROSS JOIN sys.all_objects c CROSS JOIN sys.all_objects d",
            new QueryLimits(TimeSpan.FromSeconds(1), 10), None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("dw.dim_unit", "unit_code")]
    [InlineData("dw.dim_facility", "facility_code")]
    [InlineData("dw.fct_claim", "claim_id")]
    [InlineData("dw.fct_claim", "card_pseudonym")]
    [InlineData("etl.submission", "sha256")]
    public async Task CodeColumns_compare_binary(string table, string column)
    {
        await using var connection = await OpenAsync();

        var collation = await connection.ExecuteScalarAsync<string>(
            "SELECT collation_name FROM sys.columns WHERE object_id = OBJECT_ID(@table) AND name = @column", new { table, column });

        Assert.Equal("Latin1_General_100_BIN2", collation);
    }

    [Fact]
    public async Task CodeColumns_facility_codes_differing_in_case_are_two_facilities_as_on_DuckDB()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(None);

        await connection.ExecuteAsync("""
            INSERT INTO dw.dim_facility (facility_key, facility_code, name, tier, ownership) VALUES
                (-1, 'TEST-abc', N'Thử', 4, 'public'), (-2, 'TEST-ABC', N'Thử', 4, 'public')
            """, transaction: transaction);
        var found = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM dw.dim_facility WHERE facility_code = 'TEST-abc'", transaction: transaction);
        await transaction.RollbackAsync(None);

        Assert.Equal(1, found);
    }

    [Fact]
    public async Task ReaderRole_holds_select_on_rpt_and_nothing_else()
    {
        await using var connection = await OpenAsync();

        var permissions = (await connection.QueryAsync<string>("""
            SELECT permission_name + ' ' + class_desc + ' ' + COALESCE(SCHEMA_NAME(major_id), '')
            FROM sys.database_permissions WHERE grantee_principal_id = DATABASE_PRINCIPAL_ID('bhyt_rpt_reader')
            """)).ToList();

        Assert.Equal(["SELECT SCHEMA rpt"], permissions);
    }

    [Theory]
    [InlineData("dw.fct_claim", "ix_fct_claim_facility_claim")]
    [InlineData("dw.fct_claim", "ix_fct_claim_month")]
    [InlineData("dw.fct_indicator_value", "ix_fct_indicator_value_unit_indicator")]
    [InlineData("dw.dim_unit", "uq_dim_unit_code")]
    public async Task Indexes_exist_after_init(string table, string index)
    {
        await using var connection = await OpenAsync();

        Assert.NotNull(await connection.ExecuteScalarAsync<int?>("SELECT INDEXPROPERTY(OBJECT_ID(@table), @index, 'IndexID')", new { table, index }));
    }

    private static async Task<Dictionary<string, List<string>>> ViewColumnsAsync(DbConnection connection, string sql) =>
        (await connection.QueryAsync<(string View, string Column)>(sql))
        .GroupBy(r => r.View).ToDictionary(g => g.Key, g => g.Select(r => r.Column).ToList());
}

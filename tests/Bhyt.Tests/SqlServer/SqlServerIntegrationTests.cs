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
        var highest = MigrationScript.For("sqlserver").Max(s => s.Version);
        Assert.Equal(Enumerable.Range(1, highest), recorded);
        Assert.Equal(highest, fixture.SecondInit.SchemaVersion);
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
            new ReadOnlyQueryRunner(fixture.Engine).RunAsync(sql, QueryLimits.Default, None));

        Assert.Equal(rule, refusal.Rule);
        Assert.Equal(before, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM etl.reference_load"));
        Assert.Null(await connection.ExecuteScalarAsync<int?>("SELECT OBJECT_ID('dbo.units_copy')"));
        Assert.Equal(sequenceBefore, await connection.ExecuteScalarAsync<long>(SequenceValue));
    }

    [Fact]
    public async Task RunAsync_cte_is_accepted_and_counts_provinces_of_mid_2024()
    {
        var result = await new ReadOnlyQueryRunner(fixture.Engine).RunAsync("""
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

    private static async Task<Dictionary<string, List<string>>> ViewColumnsAsync(DbConnection connection, string sql) =>
        (await connection.QueryAsync<(string View, string Column)>(sql))
        .GroupBy(r => r.View).ToDictionary(g => g.Key, g => g.Select(r => r.Column).ToList());
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Tests.Warehouse.Querying;

public class ReadOnlyQueryRunnerTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    private static readonly DateOnly MidYear2024 = new(2024, 7, 1);

    private Task<QueryResult> RunAsync(string sql, QueryLimits? limits = null) =>
        new ReadOnlyQueryRunner(fixture.Warehouse.Engine).RunAsync(sql, limits ?? QueryLimits.Default, CancellationToken.None);

    [Fact]
    public async Task RunAsync_cte_counting_provinces_valid_mid_2024_gives_63()
    {
        var expected = BundledReference.Units.Count(u => u.Level == "province" && u.ValidOn(MidYear2024));

        var result = await RunAsync("""
            WITH valid AS (
                SELECT * FROM rpt.units
                WHERE valid_from <= DATE '2024-07-01' AND (valid_to IS NULL OR valid_to >= DATE '2024-07-01')
            )
            SELECT count(*) AS provinces FROM valid WHERE level = 'province'
            """);

        Assert.Equal(["provinces"], result.Columns);
        Assert.Equal(63, expected);
        Assert.Equal(expected, Convert.ToInt32(Assert.Single(result.Rows)[0]));
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task RunAsync_window_function_ranks_provinces_by_commune_count()
    {
        var counts = BundledReference.Units.Where(u => u.Level == "commune" && u.ValidOn(MidYear2024))
            .GroupBy(u => u.ProvinceCode!).ToDictionary(g => g.Key, g => g.Count());
        var expected = counts.Select(c => (Province: c.Key, Communes: c.Value, Rank: 1 + counts.Values.Count(v => v > c.Value)))
            .OrderBy(r => r.Rank).ThenBy(r => r.Province, StringComparer.Ordinal).ToList();

        var result = await RunAsync("""
            SELECT province_code, count(*) AS communes, rank() OVER (ORDER BY count(*) DESC) AS position
            FROM rpt.units
            WHERE level = 'commune' AND valid_from <= DATE '2024-07-01' AND (valid_to IS NULL OR valid_to >= DATE '2024-07-01')
            GROUP BY province_code
            ORDER BY position, province_code
            """);

        Assert.Equal(63, expected.Count);
        Assert.Equal(expected, result.Rows.Select(r => ((string)r[0]!, Convert.ToInt32(r[1]), Convert.ToInt32(r[2]))).ToList());
    }

    [Fact]
    public async Task RunAsync_join_of_units_to_succession_counts_old_provinces_per_new_province()
    {
        var expected = BundledReference.Links.Where(l => l.OldLevel == "province" && l.NewLevel == "province")
            .GroupBy(l => l.NewCode).Select(g => (Code: g.Key, Old: g.Count()))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

        var result = await RunAsync("""
            SELECT u.unit_code, count(*) AS old_provinces
            FROM rpt.units u
            JOIN rpt.unit_succession s ON s.new_unit_code = u.unit_code AND s.new_level = u.level
            WHERE u.level = 'province' AND u.valid_to IS NULL AND s.old_level = 'province'
            GROUP BY u.unit_code
            ORDER BY u.unit_code
            """);

        Assert.Equal(34, expected.Count);
        Assert.Equal(63, expected.Sum(r => r.Old));
        Assert.Equal(expected, result.Rows.Select(r => ((string)r[0]!, Convert.ToInt32(r[1]))).ToList());
    }

    [Fact]
    public async Task RunAsync_group_by_all_counts_units_per_level()
    {
        var expected = BundledReference.Units.GroupBy(u => u.Level).Select(g => (Level: g.Key, Units: g.Count()))
            .OrderBy(r => r.Level, StringComparer.Ordinal).ToList();

        var result = await RunAsync("SELECT level, count(*) AS units FROM rpt.units GROUP BY ALL ORDER BY level");

        Assert.Equal(["commune", "country", "district", "province"], expected.Select(r => r.Level));
        Assert.Equal(expected, result.Rows.Select(r => ((string)r[0]!, Convert.ToInt32(r[1]))).ToList());
    }

    [Fact]
    public async Task RunAsync_string_literal_with_drop_table_and_semicolon_is_data_not_a_statement()
    {
        const string literal = "DROP TABLE dw.dim_unit; -- 'x'";

        var result = await RunAsync("SELECT 'DROP TABLE dw.dim_unit; -- ''x''' AS text, count(*) AS n FROM rpt.indicators; -- DROP TABLE rpt.units;");

        var row = Assert.Single(result.Rows);
        Assert.Equal(literal, row[0]);
        Assert.Equal(BundledReference.IndicatorCodes.Count, Convert.ToInt32(row[1]));
    }

    [Fact]
    public async Task RunAsync_information_schema_lists_the_rpt_views_of_the_schema_scripts()
    {
        var script = string.Concat(Directory.GetFiles(RepositoryRoot.SqlFolder("duckdb"), "*.sql").Select(File.ReadAllText));
        var expected = Regex.Matches(script, @"CREATE OR REPLACE VIEW rpt\.(\w+)").Select(m => m.Groups[1].Value)
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var result = await RunAsync("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'rpt' AND table_type = 'VIEW' ORDER BY table_name
            """);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Rows.Select(r => (string)r[0]!).ToList());
    }

    [Fact]
    public async Task RunAsync_range_and_generate_series_compute_like_dotnet()
    {
        var days = new DateOnly(2024, 12, 31).DayNumber - new DateOnly(2024, 1, 1).DayNumber + 1;

        var result = await RunAsync("""
            SELECT (SELECT sum(x)::BIGINT FROM range(1, 1001) t(x)) AS total,
                   (SELECT count(*) FROM generate_series(DATE '2024-01-01', DATE '2024-12-31', INTERVAL 1 DAY)) AS days
            """);

        var row = Assert.Single(result.Rows);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(), Convert.ToInt64(row[0]));
        Assert.Equal(days, Convert.ToInt32(row[1]));
    }

    [Fact]
    public async Task RunAsync_more_rows_than_the_cap_is_truncated_at_the_cap()
    {
        var result = await RunAsync("SELECT x FROM range(100) t(x) ORDER BY x", new QueryLimits(TimeSpan.FromSeconds(30), 10));

        Assert.True(result.Truncated);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), result.Rows.Select(r => Convert.ToInt64(r[0])));
    }

    [Fact]
    public async Task RunAsync_exactly_the_cap_is_not_truncated()
    {
        var result = await RunAsync("SELECT x FROM range(10) t(x)", new QueryLimits(TimeSpan.FromSeconds(30), 10));

        Assert.False(result.Truncated);
        Assert.Equal(10, result.Rows.Count);
    }

    [Fact]
    public async Task RunAsync_query_longer_than_the_timeout_is_interrupted()
    {
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(
            "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", new QueryLimits(TimeSpan.FromSeconds(1), 10)));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM range(1000000000) a, range(1000000000) b")]
    [InlineData("SELECT a.range FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range = -1")]
    public async Task RunAsync_the_engines_own_timeout_error_becomes_QueryTimeoutException_before_the_runners_budget(string sql)
    {
        var clock = Stopwatch.StartNew();

        var timeout = await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(sql, new QueryLimits(TimeSpan.FromSeconds(1), 10)));

        // The runner's own budget ends 2 s later: an inner error the engine recognises and the time show the engine stopped it.
        Assert.NotNull(timeout.InnerException);
        Assert.True(fixture.Warehouse.Engine.IsTimeout(timeout.InnerException), timeout.InnerException.ToString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.8));
        Assert.Contains("[sql.timeout]", timeout.Message);
    }

    [Fact]
    public async Task RunAsync_after_a_timeout_the_warehouse_still_answers()
    {
        await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(
            "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", new QueryLimits(TimeSpan.FromSeconds(1), 10)));

        var result = await RunAsync("SELECT count(*) FROM rpt.indicators");

        Assert.Equal(BundledReference.IndicatorCodes.Count, Convert.ToInt32(Assert.Single(result.Rows)[0]));
    }

    [Fact]
    public async Task RunAsync_missing_warehouse_throws_WarehouseNotFoundException_and_creates_nothing()
    {
        await using var warehouse = TempWarehouse.Empty();

        await Assert.ThrowsAsync<WarehouseNotFoundException>(() =>
            new ReadOnlyQueryRunner(warehouse.Engine).RunAsync("SELECT 1", QueryLimits.Default, CancellationToken.None));

        Assert.False(File.Exists(warehouse.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(warehouse.Directory));
    }

    [Fact]
    public async Task RunAsync_missing_warehouse_folder_is_not_created()
    {
        await using var warehouse = TempWarehouse.Empty();
        var path = Path.Combine(warehouse.Directory, "absent", "bhyt.duckdb");

        await Assert.ThrowsAsync<WarehouseNotFoundException>(() =>
            new ReadOnlyQueryRunner(WarehouseEngine.For(path)).RunAsync("SELECT 1", QueryLimits.Default, CancellationToken.None));

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}

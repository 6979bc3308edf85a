using System.Globalization;
using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Support;
using CsvHelper;

namespace Bhyt.Tests.Etl.Cli;

[Collection("Console")]
public class SqlCommandTests
{
    private static readonly int IndicatorCount = File.ReadLines(
        Path.Combine(RepositoryRoot.Directory, "warehouse", "Reference", "Data", "indicators.csv")).Skip(1).Count(l => l.Length > 0);

    private static async Task<TempWarehouse> InitialisedAsync()
    {
        var warehouse = TempWarehouse.Empty();
        var init = await CliRun.RunAsync("init", "--warehouse", warehouse.Path);
        Assert.True(init.ExitCode == ExitCodes.Ok, init.ToString());
        return warehouse;
    }

    [Fact]
    public async Task Init_twice_succeeds_both_times_and_the_second_applies_nothing()
    {
        await using var warehouse = TempWarehouse.Empty();

        var first = await CliRun.RunAsync("init", "--warehouse", warehouse.Path);
        var second = await CliRun.RunAsync("init", "--warehouse", warehouse.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(File.Exists(warehouse.Path));
        Assert.Contains("migration", first.Out);
        Assert.Contains("không có migration nào", second.Out);
    }

    [Fact]
    public async Task Sql_count_of_indicators_prints_the_catalog_size()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "select count(*) from rpt.indicators", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(71, IndicatorCount); // the 70 codes of spec/indicators.csv and kcb_cost_per_visit
        Assert.Equal(IndicatorCount.ToString(CultureInfo.InvariantCulture), lines[^1]);
    }

    [Fact]
    public async Task Sql_list_values_are_printed_as_their_items_not_as_a_type_name()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "SELECT list(old_unit_code ORDER BY old_unit_code) AS old FROM rpt.unit_succession WHERE new_unit_code = '68' AND new_level = 'province' AND old_level = 'province'",
            "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[60, 67, 68]", run.Out);
        Assert.DoesNotContain("System.Collections", run.Out);
    }

    [Fact]
    public async Task Sql_format_csv_prints_parseable_csv_with_the_value()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "SELECT count(*) AS n, 'Hà Nội, Việt Nam' AS place FROM rpt.indicators",
            "--format", "csv", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var csv = new CsvReader(new StringReader(run.Out), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(IndicatorCount.ToString(CultureInfo.InvariantCulture), row["n"]);
        Assert.Equal("Hà Nội, Việt Nam", row["place"]);
    }

    [Fact]
    public async Task Sql_format_json_prints_an_array_of_objects_with_the_value()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "SELECT count(*) AS n, DATE '2024-07-01' AS day FROM rpt.indicators",
            "--format", "json", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var row = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(IndicatorCount, row.GetProperty("n").GetInt32());
        Assert.Equal("2024-07-01", row.GetProperty("day").GetString());
    }

    [Fact]
    public async Task Sql_max_rows_truncates_and_says_so()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "SELECT code FROM rpt.indicators ORDER BY code", "--format", "json", "--max-rows", "5",
            "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(5, document.RootElement.GetArrayLength());
        Assert.Contains("--max-rows 5", run.Error);
    }

    [Theory]
    [InlineData("DROP TABLE dw.dim_unit")]
    [InlineData("INSERT INTO dw.dim_period SELECT * FROM dw.dim_period")]
    [InlineData("SELECT 1; DELETE FROM dw.dim_unit")]
    [InlineData("COPY dw.dim_unit TO 'units.csv'")]
    public async Task Sql_hostile_statement_exits_2_and_leaves_the_warehouse_unchanged(string statement)
    {
        await using var warehouse = await InitialisedAsync();
        var before = await CliRun.RunAsync("sql", "SELECT count(*) FROM dw.dim_unit", "--all-schemas", "--warehouse", warehouse.Path);

        var run = await CliRun.RunAsync("sql", statement, "--warehouse", warehouse.Path);
        var after = await CliRun.RunAsync("sql", "SELECT count(*) FROM dw.dim_unit", "--all-schemas", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("[sql.", run.Error);
        Assert.Equal(before.Out, after.Out);
        Assert.False(File.Exists("units.csv"));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM dw.fct_claim")]
    [InlineData("SELECT * FROM etl.submission")]
    [InlineData("SELECT * FROM information_schema.tables")]
    [InlineData("SELECT * FROM duckdb_tables()")]
    public async Task Sql_without_all_schemas_refuses_anything_outside_rpt(string query)
    {
        await using var warehouse = await InitialisedAsync();

        var refused = await CliRun.RunAsync("sql", query, "--warehouse", warehouse.Path);
        var allowed = await CliRun.RunAsync("sql", query, "--all-schemas", "--warehouse", warehouse.Path);

        Assert.True(refused.ExitCode == ExitCodes.Usage, refused.ToString());
        Assert.Contains("[sql.rpt_only]", refused.Error);
        Assert.True(allowed.ExitCode == ExitCodes.Ok, allowed.ToString());
    }

    [Theory]
    [InlineData("SELECT * FROM rpt.no_such_view")]
    [InlineData("SELECT no_such_column FROM rpt.units")]
    [InlineData("SELECT CAST('abc' AS INTEGER)")]
    public async Task Sql_query_the_engine_cannot_run_exits_2_naming_the_problem(string query)
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", query, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("sql.error", run.Error);
    }

    [Fact]
    public async Task Sql_missing_warehouse_exits_2_and_creates_nothing()
    {
        await using var warehouse = TempWarehouse.Empty();

        var run = await CliRun.RunAsync("sql", "SELECT 1", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("warehouse.not_found", run.Error);
        Assert.False(File.Exists(warehouse.Path));
    }

    [Fact]
    public async Task Sql_query_longer_than_timeout_exits_non_zero_with_the_timeout_rule()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync("sql", "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", "--timeout", "1",
            "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains("sql.timeout", run.Error);
    }

    [Theory]
    [InlineData("sql", "SELECT 1", "--no-such-option")]
    [InlineData("sql", "SELECT 1", "--format", "xml")]
    [InlineData("sql", "SELECT 1", "--max-rows", "many")]
    [InlineData("sql")]
    [InlineData("no-such-verb")]
    public async Task RunAsync_bad_usage_exits_2(params string[] args)
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync([.. args, "--warehouse", warehouse.Path]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task RunAsync_invalid_warehouse_target_exits_2()
    {
        var run = await CliRun.RunAsync("sql", "SELECT 1", "--warehouse", "not-a-warehouse.txt");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("warehouse.target", run.Error);
    }
}

using Bhyt.Tests.Support;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Tests.Warehouse.Schema;

/// <summary>
/// The data dictionary's repeatable script (sql/*/0020_rpt_dictionary.repeatable.sql) survives what comes after it: a later
/// numbered migration that recreates a view (which drops DuckDB's comments) and a change of its own text.
/// </summary>
public class RepeatableMigrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string RecreateUnits = """
        CREATE OR REPLACE VIEW rpt.units AS
        SELECT unit_code, name, level, parent_code, province_code, valid_from, valid_to, boundary_set FROM dw.dim_unit;
        """;

    private static Task<string?> CommentAsync(System.Data.Common.DbConnection connection, string view, string column) =>
        connection.ExecuteScalarAsync<string?>(
            "SELECT comment FROM duckdb_columns() WHERE schema_name = 'rpt' AND table_name = $view AND column_name = $column",
            new { view, column });

    [Fact]
    public async Task ApplyAsync_later_numbered_script_recreating_a_view_is_followed_by_the_descriptions_again()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        var scripts = MigrationScript.For("duckdb");
        await new Migrator(warehouse.Engine, scripts).ApplyAsync(connection, None);
        var described = await CommentAsync(connection, "units", "level");
        var later = new MigrationScript(scripts.Max(s => s.Version) + 1, "9999_recreate_units", RecreateUnits);

        var applied = await new Migrator(warehouse.Engine, [.. scripts, later]).ApplyAsync(connection, None);

        Assert.StartsWith("Cấp hành chính", described);
        Assert.Equal([later.Version, 20], applied.Select(s => s.Version));
        Assert.Equal(described, await CommentAsync(connection, "units", "level"));
    }

    [Fact]
    public async Task RecreatingAView_outside_the_migrator_drops_its_comments_which_is_why_the_script_repeats()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await using var connection = await warehouse.Engine.OpenAsync(None);

        await connection.ExecuteAsync(RecreateUnits);

        Assert.Null(await CommentAsync(connection, "units", "level"));
    }

    [Fact]
    public async Task ApplyAsync_changed_repeatable_text_runs_again_and_records_its_new_checksum()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        var scripts = MigrationScript.For("duckdb");
        await new Migrator(warehouse.Engine, scripts).ApplyAsync(connection, None);
        var dictionary = scripts.Single(s => s.IsRepeatable);
        var changed = new MigrationScript(dictionary.Version, dictionary.Name, dictionary.Sql + "\nCOMMENT ON COLUMN rpt.units.level IS 'Cấp, mô tả mới';\n");

        var applied = await new Migrator(warehouse.Engine, [.. scripts.Where(s => !s.IsRepeatable), changed]).ApplyAsync(connection, None);
        var again = await new Migrator(warehouse.Engine, [.. scripts.Where(s => !s.IsRepeatable), changed]).ApplyAsync(connection, None);

        Assert.Equal([20], applied.Select(s => s.Version));
        Assert.Empty(again);
        Assert.Equal("Cấp, mô tả mới", await CommentAsync(connection, "units", "level"));
        Assert.Equal(changed.Checksum, (await connection.ExecuteScalarAsync<string>("SELECT checksum FROM etl.schema_version WHERE version = 20"))!.Trim());
    }
}

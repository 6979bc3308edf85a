using System.Data.Common;
using System.Text.RegularExpressions;
using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Tests.Warehouse.Schema;

public class MigratorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ApplyAsync_second_pass_applies_nothing_and_records_one_row_per_script()
    {
        await using var warehouse = TempWarehouse.Empty();
        // Every script file is applied once, in the order of its number.
        var versions = ScriptFiles("duckdb").Select(f => f.Version).Where(v => v > 0).Order().ToList();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        var migrator = new Migrator(warehouse.Engine);

        var first = await migrator.ApplyAsync(connection, None);
        var second = await migrator.ApplyAsync(connection, None);

        // Repeatable scripts (the data dictionary's) run after every numbered one, whatever their number.
        Assert.Equal(versions, first.Select(s => s.Version).Order());
        Assert.Equal(first.Where(s => !s.IsRepeatable).Concat(first.Where(s => s.IsRepeatable)), first);
        Assert.Empty(second);
        var recorded = (await connection.QueryAsync<int>("SELECT version FROM etl.schema_version ORDER BY version")).ToList();
        Assert.Equal(versions, recorded);
        Assert.Equal(versions[^1], await Migrator.CurrentVersionAsync(connection, None));
    }

    [Fact]
    public async Task ApplyAsync_recorded_checksums_equal_the_checksums_of_the_script_files()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        await new Migrator(warehouse.Engine).ApplyAsync(connection, None);

        var recorded = (await connection.QueryAsync<(int Version, string Checksum)>("SELECT version, checksum FROM etl.schema_version"))
            .ToDictionary(r => r.Version, r => r.Checksum);

        foreach (var file in ScriptFiles("duckdb").Where(f => f.Version > 0))
        {
            var text = await File.ReadAllTextAsync(file.Path, TestContext.Current.CancellationToken);
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
            Assert.Equal(expected, recorded[file.Version]);
        }
    }

    [Fact]
    public async Task ApplyAsync_tampered_recorded_checksum_throws_MigrationMismatchException()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        var migrator = new Migrator(warehouse.Engine);
        await migrator.ApplyAsync(connection, None);
        var tampered = new string('0', 64);
        await connection.ExecuteAsync("UPDATE etl.schema_version SET checksum = $tampered WHERE version = 2", new { tampered });

        var error = await Assert.ThrowsAsync<MigrationMismatchException>(() => migrator.ApplyAsync(connection, None));

        Assert.Equal(2, error.Script.Version);
        Assert.Contains("schema.checksum_mismatch", error.Message);
    }

    [Fact]
    public async Task InitAsync_twice_keeps_reference_rows_and_surrogate_keys()
    {
        await using var warehouse = TempWarehouse.Empty();
        var initializer = new WarehouseInitializer(warehouse.Engine);

        var first = await initializer.InitAsync(None);
        var before = await SnapshotAsync(warehouse);
        var second = await initializer.InitAsync(None);
        var after = await SnapshotAsync(warehouse);

        Assert.NotEmpty(first.Applied);
        Assert.Empty(second.Applied);
        Assert.All(second.References, r => Assert.Null(r.Rows));
        before.AssertSameAs(after);
    }

    [Fact]
    public async Task InitAsync_forced_reload_of_reference_data_keeps_rows_and_surrogate_keys()
    {
        await using var warehouse = TempWarehouse.Empty();
        var initializer = new WarehouseInitializer(warehouse.Engine);
        await initializer.InitAsync(None);
        var before = await SnapshotAsync(warehouse);
        await using (var connection = await warehouse.Engine.OpenAsync(None))
            await connection.ExecuteAsync("DELETE FROM etl.reference_load");

        var reloaded = await initializer.InitAsync(None);
        var after = await SnapshotAsync(warehouse);

        Assert.All(reloaded.References, r => Assert.NotNull(r.Rows));
        before.AssertSameAs(after);
    }

    private static IEnumerable<(int Version, string Path)> ScriptFiles(string engine) =>
        Directory.GetFiles(RepositoryRoot.SqlFolder(engine), "*.sql")
            .Select(path => (Match: Regex.Match(Path.GetFileName(path), @"^(\d{4})_"), Path: path))
            .Where(f => f.Match.Success)
            .Select(f => (int.Parse(f.Match.Groups[1].Value), f.Path));

    private static async Task<ReferenceSnapshot> SnapshotAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(None);
        return new ReferenceSnapshot(
            await ListAsync(connection, "SELECT unit_code || '@' || valid_from || '=' || unit_key FROM dw.dim_unit"),
            await ListAsync(connection, "SELECT label || '=' || period_key FROM dw.dim_period"),
            await ListAsync(connection, "SELECT code || '=' || indicator_key FROM dw.dim_indicator"),
            await ListAsync(connection, "SELECT old_unit_key || '>' || new_unit_key || ':' || weight FROM dw.unit_succession"));
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql) =>
        (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal).ToList();

    private sealed record ReferenceSnapshot(List<string> Units, List<string> Periods, List<string> Indicators, List<string> Succession)
    {
        public void AssertSameAs(ReferenceSnapshot other)
        {
            Assert.NotEmpty(Units);
            Assert.NotEmpty(Periods);
            Assert.NotEmpty(Indicators);
            Assert.NotEmpty(Succession);
            Assert.Equal(Units.Count, other.Units.Count);
            Assert.Equal(Periods.Count, other.Periods.Count);
            Assert.Equal(Indicators.Count, other.Indicators.Count);
            Assert.Equal(Succession.Count, other.Succession.Count);
            Assert.Equal(Units, other.Units);
            Assert.Equal(Periods, other.Periods);
            Assert.Equal(Indicators, other.Indicators);
            Assert.Equal(Succession, other.Succession);
        }
    }
}

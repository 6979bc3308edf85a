using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Tests.Warehouse.Querying;

/// <summary>
/// Statements an analyst must not be able to run through <c>bhyt sql</c> or the dashboard. Each runs against its own
/// copy of an initialised warehouse in its own temp folder; <c>{dir}</c> stands for that folder.
/// </summary>
public partial class ReadOnlyGuardTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    public static TheoryData<string, string> HostileStatements() => new()
    {
        { "insert", "INSERT INTO dw.dim_indicator (indicator_key, code, annex, topic, name_vi, name_en, unit, measure) VALUES (999, 'x', 4, 't', 'x', 'x', 'persons', 'stock')" },
        { "insert returning", "INSERT INTO etl.reference_load SELECT * FROM etl.reference_load RETURNING *" },
        { "update", "UPDATE dw.dim_unit SET name = 'x'" },
        { "delete", "DELETE FROM dw.dim_unit" },
        { "cte delete", "WITH c AS (SELECT 1) DELETE FROM dw.dim_unit" },
        { "drop table", "DROP TABLE dw.unit_succession" },
        { "drop view", "DROP VIEW rpt.units" },
        { "drop schema", "DROP SCHEMA rpt CASCADE" },
        { "create table", "CREATE TABLE main.t (a INTEGER)" },
        { "create table as", "CREATE TABLE main.t AS SELECT * FROM dw.dim_unit" },
        { "create temp table", "CREATE TEMP TABLE t AS SELECT 1 AS a" },
        { "create view", "CREATE VIEW main.v AS SELECT 1 AS a" },
        { "alter", "ALTER TABLE dw.dim_unit ADD COLUMN x INTEGER" },
        { "truncate", "TRUNCATE dw.dim_unit" },
        { "copy table to", "COPY dw.dim_unit TO '{dir}/copy_table_to.csv'" },
        { "copy query to", "COPY (SELECT * FROM rpt.units) TO '{dir}/copy_query_to.parquet' (FORMAT parquet)" },
        { "copy from", "COPY dw.dim_unit FROM '{dir}/copy_from.csv'" },
        { "copy from database", "COPY FROM DATABASE test TO memory" },
        { "export database", "EXPORT DATABASE '{dir}/export_database'" },
        { "import database", "IMPORT DATABASE '{dir}/import_database'" },
        { "attach new file", "ATTACH '{dir}/attach_new.duckdb' AS other" },
        { "detach", "DETACH test" },
        { "install httpfs", "INSTALL httpfs" },
        { "load httpfs", "LOAD httpfs" },
        { "load extension file", "LOAD '{dir}/load_file.duckdb_extension'" },
        { "pragma", "PRAGMA enable_profiling" },
        { "pragma with path", "PRAGMA profiling_output = '{dir}/pragma_profile.json'" },
        { "set external access", "SET enable_external_access = true" },
        { "set variable", "SET VARIABLE x = 1" },
        { "reset", "RESET threads" },
        { "call", "CALL pragma_version()" },
        { "checkpoint", "CHECKPOINT" },
        { "checkpoint table function", "SELECT * FROM checkpoint()" },
        { "vacuum", "VACUUM" },
        { "begin", "BEGIN TRANSACTION" },
        { "commit", "COMMIT" },
        { "two selects", "SELECT 1; SELECT 2" },
        { "select then drop", "SELECT count(*) FROM rpt.units; DROP TABLE dw.unit_succession" },
        { "select then drop behind comment", "SELECT 1 /* ; */; DROP TABLE dw.unit_succession" },
        { "read_csv", "SELECT * FROM read_csv('{dir}/read_csv.csv')" },
        { "read_csv upper case", "SELECT * FROM READ_CSV('{dir}/read_csv_upper.csv')" },
        { "read_csv_auto nested", "SELECT (SELECT count(*) FROM read_csv_auto('{dir}/read_csv_auto.csv')) AS n" },
        { "read_parquet", "SELECT * FROM read_parquet('{dir}/read_parquet.parquet')" },
        { "parquet_scan", "SELECT * FROM parquet_scan('{dir}/parquet_scan.parquet')" },
        { "read_json", "SELECT * FROM read_json('{dir}/read_json.json')" },
        { "read_text", "SELECT * FROM read_text('{dir}/read_text.txt')" },
        { "read_text in subquery", "SELECT * FROM rpt.units WHERE name IN (SELECT content FROM read_text('{dir}/read_text_sub.txt'))" },
        { "read_blob", "SELECT * FROM read_blob('{dir}/read_blob.bin')" },
        { "glob", "SELECT * FROM glob('{dir}/*')" },
        { "sniff_csv", "SELECT * FROM sniff_csv('{dir}/sniff.csv')" },
        { "parquet_metadata", "SELECT * FROM parquet_metadata('{dir}/parquet_metadata.parquet')" },
        { "replacement scan", "SELECT * FROM '{dir}/replacement.csv'" },
        { "replacement scan from-first", "FROM '{dir}/replacement_from_first.parquet'" },
        { "replacement scan quoted identifier", "SELECT * FROM \"{dir}/replacement_quoted.csv\"" },
        { "replacement scan url", "SELECT * FROM 'https://example.invalid/data.csv'" },
        { "describe path", "DESCRIBE '{dir}/describe.csv'" },
        { "summarize path", "SUMMARIZE '{dir}/summarize.csv'" },
        { "query table function", "SELECT * FROM query('SELECT * FROM read_csv(''{dir}/query.csv'')')" },
        { "getenv", "SELECT getenv('HOME')" },
        { "getenv in lambda", "SELECT list_transform([1], x -> getenv('HOME')) AS h" },
        { "current_setting", "SELECT current_setting('home_directory')" },
        { "nextval", "SELECT nextval('dw.seq_unit')" },
        { "duckdb_secrets", "SELECT * FROM duckdb_secrets()" },
        { "create persistent secret", "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')" },
        { "create macro", "CREATE MACRO plus_one(a) AS a + 1" },
        { "create sequence", "CREATE SEQUENCE main.s" },
        { "use", "USE memory" },
        { "empty", "" },
        { "whitespace", "  \n\t " },
        { "line comment only", "-- SELECT 1" },
        { "block comment only", "/* SELECT 1 */" },
    };

    [Fact]
    public void HostileStatements_list_covers_at_least_thirty_statements()
    {
        Assert.True(HostileStatements().Count >= 30, $"only {HostileStatements().Count} hostile statements");
        Assert.Equal(HostileStatements().Count, HostileStatements().Select(row => row.Data.Item1).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(HostileStatements))]
    public async Task RunAsync_hostile_statement_is_refused_and_changes_nothing(string name, string template)
    {
        await using var warehouse = TempWarehouse.Empty();
        File.Copy(fixture.Warehouse.Path, warehouse.Path);
        var sql = template.Replace("{dir}", warehouse.Directory);
        var paths = NamedPaths(sql, warehouse.Directory);
        // Every path the statement names (but a glob pattern) is looked for afterwards.
        Assert.Equal(template.Split("{dir}/").Length - 1, paths.Count + (template.Contains("{dir}/*") ? 1 : 0));
        var entriesBefore = Entries(warehouse.Directory);
        var hashBefore = await FileHashAsync(warehouse.Path);
        var stateBefore = await StateAsync(warehouse.Engine);

        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() =>
            new ReadOnlyQueryRunner(warehouse.Engine).RunAsync(sql, QueryLimits.Default, CancellationToken.None));

        // Refused by the parser check before anything ran, not merely stopped by the engine's read-only settings.
        Assert.StartsWith("sql.", refusal.Rule);
        Assert.NotEqual("sql.permission", refusal.Rule);
        Assert.All(paths, path => Assert.False(File.Exists(path) || Directory.Exists(path), $"{name} left {path} behind"));
        Assert.Equal(entriesBefore, Entries(warehouse.Directory));
        Assert.All(Entries(warehouse.Directory), entry => Assert.StartsWith("test.duckdb", entry));
        Assert.Equal(hashBefore, await FileHashAsync(warehouse.Path));
        Assert.Equal(stateBefore, await StateAsync(warehouse.Engine));
    }

    private static List<string> NamedPaths(string sql, string directory) =>
        PathLiteral().Matches(sql).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(p => p.StartsWith(directory, StringComparison.Ordinal) && !p.Contains('*'))
            .ToList();

    private static List<string> Entries(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(directory, p)).Order(StringComparer.Ordinal).ToList();

    private static async Task<string> FileHashAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream));
    }

    /// <summary>What a hostile statement could change: objects, row counts of the units, sequences, macros, settings.</summary>
    private static async Task<string> StateAsync(IWarehouseEngine engine)
    {
        await using var connection = await engine.OpenReadOnlyAsync(CancellationToken.None);
        var parts = new[]
        {
            "SELECT 'rows ' || (SELECT count(*) FROM dw.dim_unit) || '/' || (SELECT count(*) FROM dw.unit_succession)",
            "SELECT 'table ' || database_name || '.' || schema_name || '.' || table_name || ' ' || estimated_size FROM duckdb_tables()",
            "SELECT 'view ' || database_name || '.' || schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal",
            "SELECT 'sequence ' || schema_name || '.' || sequence_name || ' ' || coalesce(last_value, -1) FROM duckdb_sequences()",
            "SELECT 'macro ' || schema_name || '.' || function_name FROM duckdb_functions() WHERE function_type LIKE '%macro%' AND NOT internal",
            "SELECT 'database ' || database_name FROM duckdb_databases()",
        };
        var lines = new List<string>();
        foreach (var sql in parts) lines.AddRange(await connection.QueryAsync<string>(sql));
        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"'([^']*)'|""([^""]*)""")]
    private static partial Regex PathLiteral();
}

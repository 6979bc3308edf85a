using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Export;

/// <summary>
/// <c>bhyt export</c>: every <c>rpt</c> view as <c>rpt.&lt;view&gt;.parquet</c> and <c>rpt.&lt;view&gt;.csv</c> in a folder,
/// with <see cref="ExportManifest"/>. All views are read in one read-only transaction, so the files describe one state
/// of the warehouse even while loads run. The manifest is written last (and an older one removed first): a folder
/// holds a manifest only when every file it lists is complete.
/// </summary>
public sealed class RptExporter(IWarehouseEngine engine)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<ExportManifest> ExportAsync(string folder, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var manifestPath = Path.Combine(folder, ExportManifest.FileName);
        File.Delete(manifestPath);

        await using var connection = await engine.OpenAsync(ct);
        var (begin, end) = engine.ReadOnlyScope;
        await connection.ExecuteAsync(new CommandDefinition(begin, cancellationToken: ct));
        var files = new List<ExportedFile>();
        int schemaVersion;
        try
        {
            schemaVersion = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT max(version) FROM etl.schema_version", cancellationToken: ct));
            foreach (var view in await ViewsAsync(connection, ct))
                files.AddRange(await ExportViewAsync(connection, view, folder, ct));
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(end, cancellationToken: CancellationToken.None));
        }

        var manifest = new ExportManifest(ExportManifest.CurrentFormat, engine.Name, schemaVersion, DateTimeOffset.UtcNow,
            Math.Round(clock.Elapsed.TotalSeconds, 3), files);
        var partial = manifestPath + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(manifest, Json), ct);
        File.Move(partial, manifestPath, overwrite: true);
        return manifest;
    }

    /// <summary>Reads a manifest written by <see cref="ExportAsync"/>.</summary>
    public static ExportManifest ReadManifest(string folder) =>
        JsonSerializer.Deserialize<ExportManifest>(File.ReadAllText(Path.Combine(folder, ExportManifest.FileName)), Json)
        ?? throw new InvalidDataException($"{ExportManifest.FileName} trống.");

    private async Task<List<ExportedFile>> ExportViewAsync(DbConnection connection, string view, string folder, CancellationToken ct)
    {
        var columns = await ColumnsAsync(connection, view, ct);
        var parquet = $"rpt.{view}.parquet";
        var csv = $"rpt.{view}.csv";
        long rows;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quoted(c.Name)))} FROM rpt.{Quoted(view)}";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            rows = await ViewFileWriter.WriteAsync(reader, columns, Path.Combine(folder, parquet), Path.Combine(folder, csv), ct);
        }
        var described = columns.Select(c => new ExportedColumn(c.Name, c.DataType)).ToList();
        return
        [
            await DescribeAsync($"rpt.{view}", "parquet", folder, parquet, rows, described, ct),
            await DescribeAsync($"rpt.{view}", "csv", folder, csv, rows, described, ct),
        ];
    }

    private static async Task<ExportedFile> DescribeAsync(string view, string format, string folder, string file, long rows,
        IReadOnlyList<ExportedColumn> columns, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new ExportedFile(view, format, file, rows, stream.Length, Convert.ToHexStringLower(hash), columns);
    }

    private async Task<List<string>> ViewsAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(engine.Sql("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'rpt' AND table_type = 'VIEW'
            ORDER BY table_name
            """), cancellationToken: ct))).ToList();

    private async Task<List<ViewColumn>> ColumnsAsync(DbConnection connection, string view, CancellationToken ct) =>
        (await connection.QueryAsync<(string Name, string DataType, int? Scale)>(new CommandDefinition(engine.Sql("""
            SELECT column_name, data_type, CAST(numeric_scale AS INTEGER)
            FROM information_schema.columns
            WHERE table_schema = 'rpt' AND table_name = @view
            ORDER BY ordinal_position
            """), new { view }, cancellationToken: ct)))
        .Select(c => new ViewColumn(c.Name, c.DataType, c.Scale)).ToList();

    // Both engines accept double-quoted identifiers (SQL Server with QUOTED_IDENTIFIER ON, its default for SqlClient).
    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

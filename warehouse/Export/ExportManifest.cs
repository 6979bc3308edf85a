using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Export;

/// <summary>
/// <c>manifest.json</c> of an export: what was exported from which warehouse state, and for every file the view it
/// holds, its row count, size, SHA-256 and columns, so a receiver can check each file without the warehouse.
/// </summary>
public sealed record ExportManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("exported_at")] DateTimeOffset ExportedAt,
    [property: JsonPropertyName("elapsed_seconds")] double ElapsedSeconds,
    [property: JsonPropertyName("files")] IReadOnlyList<ExportedFile> Files)
{
    public const string FileName = "manifest.json";

    public const string CurrentFormat = "bhyt-export/1";
}

/// <summary>One file of an export: <see cref="Format"/> is "parquet" or "csv"; <see cref="File"/> is relative to the manifest.</summary>
public sealed record ExportedFile(
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("columns")] IReadOnlyList<ExportedColumn> Columns);

/// <summary>A column's name and its type as the warehouse declares it (e.g. <c>VARCHAR</c>, <c>DECIMAL(18,2)</c>).</summary>
public sealed record ExportedColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

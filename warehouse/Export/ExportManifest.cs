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

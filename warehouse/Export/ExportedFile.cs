using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Export;

/// <summary>One file of an export: <see cref="Format"/> is "parquet" or "csv"; <see cref="File"/> is relative to the manifest.</summary>
public sealed record ExportedFile(
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("columns")] IReadOnlyList<ExportedColumn> Columns);

using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Export;

/// <summary>A column's name and its type as the warehouse declares it (e.g. <c>VARCHAR</c>, <c>DECIMAL(18,2)</c>).</summary>
public sealed record ExportedColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Operations;

/// <summary>What <c>bhyt</c> asks a warehouse's owning host to do: write a backup file or an export folder at <see cref="Out"/>.</summary>
public sealed record OperationRequest([property: JsonPropertyName("out")] string Out);

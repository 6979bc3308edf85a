using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Operations;

/// <summary>What <c>bhyt</c> asks a warehouse's owning host to do: write a backup file or an export folder at <see cref="Out"/>.</summary>
public sealed record OperationRequest([property: JsonPropertyName("out")] string Out);

/// <summary>A backup written: where, how large, how long it took.</summary>
public sealed record BackupResult(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("by_host")] bool ByHost);

using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Operations;

/// <summary>A backup written: where, how large, how long it took.</summary>
public sealed record BackupResult(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("by_host")] bool ByHost);

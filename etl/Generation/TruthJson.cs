using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bhyt.Etl.Generation;

/// <summary>
/// The JSON shape of <c>truth.json</c>: <c>{"anomalies": [...], "decoys": [...]}</c>, each entry {kind, subject, period,
/// details} with lower-case keys, readable Vietnamese, indented. A decoy names the kind it could be mistaken for.
/// </summary>
public static class TruthJson
{
    /// <summary>Serializer options for <see cref="PlantedAnomaly"/> lists.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The whole file's text.</summary>
    public static string Serialize(IReadOnlyList<PlantedAnomaly> anomalies, IReadOnlyList<PlantedAnomaly> decoys) =>
        JsonSerializer.Serialize(new { anomalies, decoys }, Options);
}

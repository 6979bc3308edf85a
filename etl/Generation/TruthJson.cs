using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bhyt.Etl.Generation;

/// <summary>The JSON shape of <c>truth.json</c>: lower-case keys (kind, subject, period, details), readable Vietnamese, indented.</summary>
public static class TruthJson
{
    /// <summary>Serializer options for <see cref="PlantedAnomaly"/> lists.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

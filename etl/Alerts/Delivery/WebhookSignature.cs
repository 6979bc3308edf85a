using System.Security.Cryptography;
using System.Text;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>
/// The webhook's signature: header <c>X-Bhyt-Timestamp</c> holds Unix seconds, header <c>X-Bhyt-Signature</c> holds
/// <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed by <c>BHYT_WEBHOOK_SECRET</c>, of <c>{timestamp}.{body}</c>
/// (UTF-8). A receiver recomputes it and rejects old timestamps to stop replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Bhyt-Signature";
    public const string TimestampHeader = "X-Bhyt-Timestamp";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public static bool IsValid(string secret, string? timestamp, string body, string? signature) =>
        long.TryParse(timestamp, out var seconds) && signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds, body)), Encoding.ASCII.GetBytes(signature));
}

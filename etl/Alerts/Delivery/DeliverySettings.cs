using System.Globalization;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>
/// How alerts are sent, from environment variables — the one place for <c>bhyt alerts</c>, <c>bhyt schedule</c> and the
/// dashboard's in-process scheduler alike:
/// <c>BHYT_SMTP_HOST</c>, <c>BHYT_SMTP_PORT</c> (25), <c>BHYT_SMTP_FROM</c>, <c>BHYT_SMTP_TLS</c> (none | starttls | ssl | auto; none by default),
/// <c>BHYT_SMTP_USER</c> / <c>BHYT_SMTP_PASSWORD</c> (optional), <c>BHYT_WEBHOOK_SECRET</c> (HMAC-SHA256 key of the webhook signature),
/// <c>BHYT_ALERT_RETRIES</c> (retries within one run after the first try, 3), <c>BHYT_ALERT_BACKOFF_MS</c> (first wait, doubled
/// at each retry, 500) and <c>BHYT_ALERT_TIMEOUT_S</c> (per attempt, 15).
/// </summary>
public sealed record DeliverySettings(
    string? SmtpHost, int SmtpPort, string? SmtpFrom, string SmtpTls, string? SmtpUser, string? SmtpPassword,
    string? WebhookSecret, int Retries, TimeSpan Backoff, TimeSpan Timeout)
{
    public static DeliverySettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static DeliverySettings From(Func<string, string?> variable)
    {
        string? Text(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        int Number(string name, int fallback) =>
            int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : fallback;
        return new DeliverySettings(
            Text("BHYT_SMTP_HOST"), Number("BHYT_SMTP_PORT", 25), Text("BHYT_SMTP_FROM"), Text("BHYT_SMTP_TLS") ?? "none",
            Text("BHYT_SMTP_USER"), Text("BHYT_SMTP_PASSWORD"), Text("BHYT_WEBHOOK_SECRET"),
            Number("BHYT_ALERT_RETRIES", 3), TimeSpan.FromMilliseconds(Number("BHYT_ALERT_BACKOFF_MS", 500)),
            TimeSpan.FromSeconds(Math.Max(1, Number("BHYT_ALERT_TIMEOUT_S", 15))));
    }
}

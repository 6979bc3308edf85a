namespace Bhyt.Tests.Etl.Alerts;

/// <summary>Sets the delivery environment variables (loopback SMTP, webhook secret, short backoff) for one test and restores them.</summary>
internal sealed class AlertEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    public AlertEnvironment(int smtpPort, string webhookSecret)
    {
        Set("BHYT_SMTP_HOST", "127.0.0.1");
        Set("BHYT_SMTP_PORT", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("BHYT_SMTP_FROM", "canhbao@bhyt.test");
        Set("BHYT_SMTP_TLS", "none");
        Set("BHYT_WEBHOOK_SECRET", webhookSecret);
        Set("BHYT_ALERT_RETRIES", "3");
        Set("BHYT_ALERT_BACKOFF_MS", "20");
        Set("BHYT_ALERT_TIMEOUT_S", "5");
    }

    private void Set(string name, string value)
    {
        _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}

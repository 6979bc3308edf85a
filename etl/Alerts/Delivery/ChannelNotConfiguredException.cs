namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>A channel whose settings are missing: retrying within the run cannot help, so the delivery fails at once (and waits for the next run).</summary>
public sealed class ChannelNotConfiguredException(string message) : InvalidOperationException(message);

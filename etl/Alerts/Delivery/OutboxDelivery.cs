namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>
/// One row of the outbox <c>dw.alert_delivery</c>: one notice (firing, repeat, resolved) of one alert to one recipient of
/// one channel, with what is sent (subject and body — plain text for e-mail, JSON for a webhook) and how sending went.
/// </summary>
public sealed record OutboxDelivery(long DeliveryId, long AlertId, string Notice, string Channel, string Target, string Subject, string Body,
    string Status, int Attempts)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

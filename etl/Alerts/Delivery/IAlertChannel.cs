namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>One way out of the outbox (e-mail, webhook): sends one delivery once; a failure throws and is retried by <see cref="OutboxSender"/>.</summary>
public interface IAlertChannel
{
    string Name { get; }

    Task SendAsync(OutboxDelivery delivery, CancellationToken ct);
}

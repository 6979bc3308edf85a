using Bhyt.Warehouse.Engines;
using Polly;
using Polly.Retry;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>What draining the outbox did: deliveries sent now, and deliveries still failing after their last try of this run.</summary>
public sealed record DrainResult(int Delivered, int Failed);

/// <summary>
/// Drains the outbox: each undelivered row is sent through its channel with Polly retries and exponential backoff
/// (<see cref="DeliverySettings.Retries"/> retries after the first try, waits of Backoff, 2×Backoff, 4×Backoff…). Every try
/// is counted in <c>attempts</c>; after the last try the row is <c>failed</c> with the error, and the next run tries it again
/// — a channel that is down never loses an alert.
/// </summary>
public sealed class OutboxSender(IWarehouseEngine engine, DeliverySettings settings, IReadOnlyList<IAlertChannel> channels, TimeProvider clock)
{
    public async Task<DrainResult> DrainAsync(CancellationToken ct)
    {
        var outbox = new AlertOutbox(engine);
        await using var connection = await engine.OpenAsync(ct);
        int delivered = 0, failed = 0;
        foreach (var delivery in await outbox.UndeliveredAsync(connection, ct))
        {
            var (attempts, error) = await SendAsync(delivery, ct);
            await outbox.RecordAsync(connection, delivery.DeliveryId, attempts, error, clock.GetUtcNow().UtcDateTime, ct);
            if (error is null) delivered++;
            else failed++;
        }
        return new DrainResult(delivered, failed);
    }

    private async Task<(int Attempts, string? Error)> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var channel = channels.FirstOrDefault(c => c.Name == delivery.Channel);
        if (channel is null) return (0, $"Không có kênh gửi '{delivery.Channel}'.");
        var attempts = 0;
        try
        {
            await Pipeline(ct).ExecuteAsync(async token =>
            {
                attempts++;
                await channel.SendAsync(delivery, token);
            }, ct);
            return (attempts, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return (attempts, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private ResiliencePipeline Pipeline(CancellationToken ct)
    {
        var builder = new ResiliencePipelineBuilder();
        if (settings.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not ChannelNotConfiguredException && !ct.IsCancellationRequested),
                MaxRetryAttempts = settings.Retries,
                Delay = settings.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        return builder.Build();
    }
}

using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>
/// The outbox <c>dw.alert_delivery</c>: notices are queued in the evaluation's transaction (so an alert is never stored
/// without its notices, nor a notice without its alert) and sent afterwards; a row leaves the queue only when delivered.
/// </summary>
public sealed class AlertOutbox(IWarehouseEngine engine)
{
    private static readonly string[] Columns =
        ["delivery_id", "alert_id", "notice", "channel", "target", "subject", "body", "status", "attempts", "created_at"];

    public async Task<int> EnqueueAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxDelivery> deliveries, DateTime now,
        CancellationToken ct)
    {
        if (deliveries.Count == 0) return 0;
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_alert_delivery", deliveries.Count, ct);
        var rows = deliveries.Select((d, i) => new object?[]
            { first + i, d.AlertId, d.Notice, d.Channel, d.Target, d.Subject, d.Body, OutboxDelivery.Pending, 0, now });
        await engine.BulkInsertAsync(connection, transaction, "dw.alert_delivery", Columns, rows, ct);
        return deliveries.Count;
    }

    /// <summary>Every delivery not delivered yet (pending, or failed on an earlier run), oldest first.</summary>
    public async Task<List<OutboxDelivery>> UndeliveredAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(engine.Sql("""
            SELECT delivery_id AS DeliveryId, alert_id AS AlertId, notice AS Notice, channel AS Channel, target AS Target, subject AS Subject,
                   body AS Body, status AS Status, attempts AS Attempts
            FROM dw.alert_delivery WHERE status IN ('pending', 'failed') ORDER BY delivery_id
            """), cancellationToken: ct))).ToList();

    public Task RecordAsync(DbConnection connection, long deliveryId, int attempts, string? error, DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            UPDATE dw.alert_delivery
            SET attempts = attempts + @attempts, last_attempt_at = @now, status = @status, last_error = @error,
                delivered_at = CASE WHEN @delivered = 1 THEN @now ELSE delivered_at END
            WHERE delivery_id = @deliveryId
            """), new
        {
            deliveryId, attempts, now, error = error is { Length: > 1000 } ? error[..1000] : error,
            status = error is null ? OutboxDelivery.Delivered : OutboxDelivery.Failed, delivered = error is null ? 1 : 0,
        }, cancellationToken: ct));
}

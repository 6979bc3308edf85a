using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Audit;

/// <summary>
/// The retention of the audit log (<c>Audit:RetentionDays</c>, default <see cref="DefaultDays"/>, at least
/// <see cref="MinimumDays"/>): events older than that are deleted — the only delete the log ever sees — and the purge itself
/// is recorded (action <see cref="AuditActions.AuditPurge"/>) when it removed anything. SQL Server's trigger refuses to
/// delete an event younger than <see cref="MinimumDays"/> whatever the setting (sql/sqlserver/0022_audit.sql).
/// </summary>
public sealed class AuditRetention
{
    public const int DefaultDays = 365;

    /// <summary>The floor also written in SQL Server's append-only trigger: keep the two equal.</summary>
    public const int MinimumDays = 30;

    private readonly IWarehouseEngine _engine;
    private readonly AuditTrail _trail;

    public AuditRetention(IWarehouseEngine engine, AuditTrail trail, int days)
    {
        if (days < MinimumDays)
            throw new ArgumentOutOfRangeException(nameof(days), days, $"Audit:RetentionDays phải từ {MinimumDays} ngày trở lên (đang là {days}).");
        (_engine, _trail, Days) = (engine, trail, days);
    }

    public int Days { get; }

    /// <summary>Deletes the events that occurred before <paramref name="now"/> minus <see cref="Days"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTime now, string channel, CancellationToken ct)
    {
        var cutoff = now.AddDays(-Days);
        await using var connection = await _engine.OpenAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(_engine.Sql("DELETE FROM etl.audit_event WHERE occurred_at < @cutoff"),
            new { cutoff }, cancellationToken: ct));
        if (deleted > 0)
            await _trail.AppendAsync(new AuditEvent(AuditActions.AuditPurge, AuditOutcomes.Success, AuditChannels.SystemUser)
            {
                OccurredAt = now, Channel = channel, Subject = "etl.audit_event", RowCount = deleted,
                Detail = $"Xoá các sự kiện trước {cutoff:yyyy-MM-dd HH:mm:ss} UTC (giữ {Days} ngày).",
            });
        return deleted;
    }
}

using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Alerts;

/// <summary>Reads and writes <c>dw.alert</c>, <c>dw.alert_rule</c>, <c>dw.alert_silence</c> and <c>dw.alert_inhibition</c> for one evaluation.</summary>
public sealed class AlertStore(IWarehouseEngine engine)
{
    private const string AlertColumns = """
        alert_id AS AlertId, rule_code AS RuleCode, condition AS Condition, unit_code AS UnitCode, period_label AS PeriodLabel,
        severity AS Severity, message AS Message, status AS Status, created_at AS CreatedAt, resolved_at AS ResolvedAt,
        acknowledged_by AS AcknowledgedBy, acknowledged_at AS AcknowledgedAt, last_fired_at AS LastFiredAt,
        last_evaluated_at AS LastEvaluatedAt, last_notified_at AS LastNotifiedAt, notifications AS Notifications,
        suppressed_by AS SuppressedBy, anomaly_id AS AnomalyId
        """;

    public async Task<List<StoredAlert>> AlertsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        (await connection.QueryAsync<StoredAlert>(Command($"SELECT {AlertColumns} FROM dw.alert ORDER BY alert_id", null, transaction, ct))).ToList();

    public async Task<List<AlertRule>> RulesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        (await connection.QueryAsync<AlertRule>(Command("""
            SELECT rule_id AS RuleId, code AS Code, condition AS Condition, unit_code AS UnitCode, threshold AS Threshold,
                   min_severity AS MinSeverity, period_kind AS PeriodKind, emails AS Emails, webhooks AS Webhooks,
                   repeat_minutes AS RepeatMinutes, enabled AS Enabled, name_vi AS NameVi
            FROM dw.alert_rule ORDER BY code, rule_id
            """, null, transaction, ct))).ToList();

    public async Task<List<AlertSilence>> SilencesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        (await connection.QueryAsync<AlertSilence>(Command("""
            SELECT silence_id AS SilenceId, rule_code AS RuleCode, unit_code AS UnitCode, created_by AS CreatedBy, reason AS Reason,
                   starts_at AS StartsAt, ends_at AS EndsAt
            FROM dw.alert_silence ORDER BY silence_id
            """, null, transaction, ct))).ToList();

    /// <summary>The inhibitions: (source condition, target condition, why) — a firing source silences the target of the same unit and period.</summary>
    public async Task<List<(string Source, string Target, string Reason)>> InhibitionsAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken ct) =>
        (await connection.QueryAsync<(string, string, string)>(Command(
            "SELECT source_condition, target_condition, reason_vi FROM dw.alert_inhibition", null, transaction, ct))).ToList();

    public async Task<StoredAlert> InsertAsync(DbConnection connection, DbTransaction transaction, StoredAlert alert, CancellationToken ct)
    {
        var id = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_alert", 1, ct);
        var stored = alert with { AlertId = id };
        await connection.ExecuteAsync(Command("""
            INSERT INTO dw.alert (alert_id, rule_code, condition, unit_code, period_label, severity, message, status, created_at, resolved_at,
                                  acknowledged_by, acknowledged_at, last_fired_at, last_evaluated_at, last_notified_at, notifications,
                                  suppressed_by, anomaly_id)
            VALUES (@AlertId, @RuleCode, @Condition, @UnitCode, @PeriodLabel, @Severity, @Message, @Status, @CreatedAt, @ResolvedAt,
                    @AcknowledgedBy, @AcknowledgedAt, @LastFiredAt, @LastEvaluatedAt, @LastNotifiedAt, @Notifications, @SuppressedBy, @AnomalyId)
            """, stored, transaction, ct));
        return stored;
    }

    public Task UpdateAsync(DbConnection connection, DbTransaction transaction, StoredAlert alert, CancellationToken ct) =>
        connection.ExecuteAsync(Command("""
            UPDATE dw.alert
            SET severity = @Severity, message = @Message, status = @Status, resolved_at = @ResolvedAt, acknowledged_by = @AcknowledgedBy,
                acknowledged_at = @AcknowledgedAt, last_fired_at = @LastFiredAt, last_evaluated_at = @LastEvaluatedAt,
                last_notified_at = @LastNotifiedAt, notifications = @Notifications, suppressed_by = @SuppressedBy, anomaly_id = @AnomalyId
            WHERE alert_id = @AlertId
            """, alert, transaction, ct));

    private CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken ct) =>
        new(engine.Sql(sql), parameters, transaction, cancellationToken: ct);
}

using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// The changes people make to alerting: rules (add or change one; a unit's rule overrides the rule of the same code above
/// it), silences (add one, end one now) and acknowledging an alert. Callers check roles first (the Cảnh báo page: rules and
/// silences by administrators, acknowledgement by analysts and administrators); this class checks the values.
/// </summary>
public sealed class AlertAdministration(IWarehouseEngine engine)
{
    /// <summary>Inserts <paramref name="rule"/> (RuleId 0) or updates the rule with its id; returns the id.</summary>
    public async Task<long> SaveRuleAsync(AlertRule rule, string by, DateTime now, CancellationToken ct)
    {
        Validate(rule);
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = rule.RuleId > 0 ? rule.RuleId : await engine.ReserveKeysAsync(connection, transaction, "dw.seq_alert_rule", 1, ct);
        var parameters = new
        {
            id, code = rule.Code.Trim(), condition = rule.Condition, unit = Blank(rule.UnitCode), threshold = rule.Threshold,
            minSeverity = rule.MinSeverity, periodKind = Blank(rule.PeriodKind), emails = Blank(rule.Emails), webhooks = Blank(rule.Webhooks),
            repeat = rule.RepeatMinutes, enabled = rule.Enabled, name = rule.NameVi.Trim(), by, now,
        };
        // One rule per code and unit (one country-wide rule per code): SQL Server's unique constraint says so, DuckDB's lets NULLs repeat.
        var twins = await connection.ExecuteScalarAsync<long>(new CommandDefinition(engine.Sql("""
            SELECT count(*) FROM dw.alert_rule
            WHERE code = @code AND coalesce(unit_code, '') = coalesce(@unit, '') AND rule_id <> @id
            """), parameters, transaction, cancellationToken: ct));
        if (twins > 0)
            throw new ArgumentException($"Đã có quy tắc '{parameters.code}' cho {parameters.unit ?? "toàn quốc"}: hãy sửa quy tắc đó.", nameof(rule));
        var sql = rule.RuleId > 0
            ? """
              UPDATE dw.alert_rule SET code = @code, condition = @condition, unit_code = @unit, threshold = @threshold, min_severity = @minSeverity,
                     period_kind = @periodKind, emails = @emails, webhooks = @webhooks, repeat_minutes = @repeat, enabled = @enabled,
                     name_vi = @name, updated_by = @by, updated_at = @now
              WHERE rule_id = @id
              """
            : """
              INSERT INTO dw.alert_rule (rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks,
                                         repeat_minutes, enabled, name_vi, updated_by, updated_at)
              VALUES (@id, @code, @condition, @unit, @threshold, @minSeverity, @periodKind, @emails, @webhooks, @repeat, @enabled, @name, @by, @now)
              """;
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(sql), parameters, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return id;
    }

    public async Task<long> AddSilenceAsync(string? ruleCode, string? unitCode, string by, string reason, DateTime startsAt, DateTime endsAt,
        DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Cần ghi lý do tạm tắt thông báo.", nameof(reason));
        if (endsAt <= startsAt) throw new ArgumentException("Thời điểm kết thúc phải sau thời điểm bắt đầu.", nameof(endsAt));
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_alert_silence", 1, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO dw.alert_silence (silence_id, rule_code, unit_code, created_by, reason, starts_at, ends_at, created_at)
            VALUES (@id, @rule, @unit, @by, @reason, @startsAt, @endsAt, @now)
            """), new { id, rule = Blank(ruleCode), unit = Blank(unitCode), by, reason = reason.Trim(), startsAt, endsAt, now }, transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return id;
    }

    public async Task<bool> EndSilenceAsync(long silenceId, DateTime now, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
            "UPDATE dw.alert_silence SET ends_at = @now WHERE silence_id = @silenceId AND ends_at > @now"), new { silenceId, now }, cancellationToken: ct)) > 0;
    }

    /// <summary>Firing → acknowledged: no more repeats; it still resolves by itself, with a resolved notice. False when not firing.</summary>
    public async Task<bool> AcknowledgeAsync(long alertId, string by, DateTime now, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            UPDATE dw.alert SET status = 'acknowledged', acknowledged_by = @by, acknowledged_at = @now
            WHERE alert_id = @alertId AND status = 'firing'
            """), new { alertId, by, now }, cancellationToken: ct)) > 0;
    }

    private static void Validate(AlertRule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Code)) throw new ArgumentException("Cần mã quy tắc.", nameof(rule));
        if (!AlertConditions.IsKnown(rule.Condition)) throw new ArgumentException($"Điều kiện '{rule.Condition}' không có.", nameof(rule));
        if (Severity.Rank(rule.MinSeverity) == 0) throw new ArgumentException($"Mức độ '{rule.MinSeverity}' không hợp lệ.", nameof(rule));
        if (rule.RepeatMinutes <= 0) throw new ArgumentException("Chu kỳ nhắc lại phải lớn hơn 0 phút.", nameof(rule));
        if (string.IsNullOrWhiteSpace(rule.NameVi)) throw new ArgumentException("Cần tên quy tắc.", nameof(rule));
        foreach (var email in rule.EmailList)
            if (!MimeKit.MailboxAddress.TryParse(email, out _) || !email.Contains('@'))
                throw new ArgumentException($"Địa chỉ thư '{email}' không hợp lệ.", nameof(rule));
        foreach (var url in rule.WebhookList)
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"Địa chỉ webhook '{url}' không hợp lệ (cần http:// hoặc https://).", nameof(rule));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

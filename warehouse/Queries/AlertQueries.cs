using System.Data.Common;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.alerts</c>: an alert (one per rule × unit × period), where its lifecycle stands and how it was notified.</summary>
public sealed record AlertRow(long Id, string Rule, string? UnitCode, string? PeriodLabel, string Severity, string Message, string Status,
    DateTime CreatedAt, DateTime? ResolvedAt, string Condition, string? AcknowledgedBy, DateTime? AcknowledgedAt, DateTime? LastNotifiedAt,
    int Notifications, string? SuppressedBy);

/// <summary>One row of <c>rpt.alert_deliveries</c>: one notice of an alert to one recipient, and how sending it went.</summary>
public sealed record AlertDeliveryRow(long Id, long AlertId, string Notice, string Channel, string Target, string Status, int Attempts,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? DeliveredAt, string? LastError);

/// <summary>One row of <c>rpt.alert_rules</c>.</summary>
public sealed record AlertRuleRow(long Id, string Code, string Condition, string? UnitCode, double? Threshold, string MinSeverity, string? PeriodKind,
    string? Emails, string? Webhooks, int RepeatMinutes, bool Enabled, string NameVi, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>One row of <c>rpt.alert_silences</c>.</summary>
public sealed record AlertSilenceRow(long Id, string? RuleCode, string? UnitCode, string CreatedBy, string Reason, DateTime StartsAt, DateTime EndsAt);

/// <summary>Lists over <c>rpt.alerts</c>, <c>rpt.alert_deliveries</c>, <c>rpt.alert_rules</c> and <c>rpt.alert_silences</c> (filled by <c>bhyt alerts</c>).</summary>
public sealed class AlertQueries(ReportingDb db, UnitCatalog units)
{
    /// <summary>
    /// Alerts of <paramref name="unit"/> and every unit below it (all alerts for the country), newest first.
    /// Units are matched by code within the selection's boundary set.
    /// </summary>
    public async Task<List<AlertRow>> AlertsAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var filter = await SubtreeAsync(unit, parameters, ct);
        return await db.QueryAsync($"""
            SELECT alert_id, "rule", unit_code, period_label, severity, message, status, created_at, resolved_at, condition, acknowledged_by,
                   acknowledged_at, last_notified_at, notifications, suppressed_by
            FROM rpt.alerts {(filter is null ? "" : "WHERE unit_code IN (" + filter + ")")}
            ORDER BY created_at DESC, alert_id DESC {db.Limit(limit)}
            """, parameters, Alert, ct);
    }

    /// <summary>The deliveries of the alerts of <paramref name="unit"/>'s subtree, newest first.</summary>
    public async Task<List<AlertDeliveryRow>> DeliveriesAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var filter = await SubtreeAsync(unit, parameters, ct);
        return await db.QueryAsync($"""
            SELECT d.delivery_id, d.alert_id, d.notice, d.channel, d.target, d.status, d.attempts, d.created_at, d.last_attempt_at,
                   d.delivered_at, d.last_error
            FROM rpt.alert_deliveries d
            {(filter is null ? "" : "WHERE d.alert_id IN (SELECT alert_id FROM rpt.alerts WHERE unit_code IN (" + filter + "))")}
            ORDER BY d.delivery_id DESC {db.Limit(limit)}
            """, parameters, r => new AlertDeliveryRow(ReportingDb.Integer(r, 0), ReportingDb.Integer(r, 1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), (int)ReportingDb.Integer(r, 6), ReportingDb.Date(r, 7), ReportingDb.NullableDate(r, 8),
                ReportingDb.NullableDate(r, 9), ReportingDb.Text(r, 10)), ct);
    }

    public Task<List<AlertRuleRow>> RulesAsync(CancellationToken ct) =>
        db.QueryAsync("""
            SELECT rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi,
                   updated_by, updated_at
            FROM rpt.alert_rules ORDER BY code, unit_code, rule_id
            """, null, r => new AlertRuleRow(ReportingDb.Integer(r, 0), r.GetString(1), r.GetString(2), ReportingDb.Text(r, 3),
                ReportingDb.NullableNumber(r, 4), r.GetString(5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8),
                (int)ReportingDb.Integer(r, 9), Convert.ToBoolean(r.GetValue(10)), r.GetString(11), ReportingDb.Text(r, 12),
                ReportingDb.NullableDate(r, 13)), ct);

    public Task<List<AlertSilenceRow>> SilencesAsync(int limit, CancellationToken ct) =>
        db.QueryAsync($"""
            SELECT silence_id, rule_code, unit_code, created_by, reason, starts_at, ends_at
            FROM rpt.alert_silences ORDER BY ends_at DESC, silence_id DESC {db.Limit(limit)}
            """, null, r => new AlertSilenceRow(ReportingDb.Integer(r, 0), ReportingDb.Text(r, 1), ReportingDb.Text(r, 2), r.GetString(3),
                r.GetString(4), ReportingDb.Date(r, 5), ReportingDb.Date(r, 6)), ct);

    private async Task<string?> SubtreeAsync(UnitInfo unit, Dapper.DynamicParameters parameters, CancellationToken ct)
    {
        if (unit.Level == "country") return null;
        var codes = (await units.SelfAndDescendantsAsync(unit.Set, unit.Code, ct)).Select(u => u.Code).Distinct().ToList();
        return SqlList.Add(parameters, "u", codes);
    }

    private static AlertRow Alert(DbDataReader r) => new(ReportingDb.Integer(r, 0), r.GetString(1), ReportingDb.Text(r, 2), ReportingDb.Text(r, 3),
        r.GetString(4), r.GetString(5), r.GetString(6), ReportingDb.Date(r, 7), ReportingDb.NullableDate(r, 8), r.GetString(9), ReportingDb.Text(r, 10),
        ReportingDb.NullableDate(r, 11), ReportingDb.NullableDate(r, 12), (int)ReportingDb.Integer(r, 13), ReportingDb.Text(r, 14));
}

using System.Data.Common;
using Bhyt.Warehouse.Units.Scope;

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

/// <summary>
/// Lists over <c>rpt.alerts</c>, <c>rpt.alert_deliveries</c>, <c>rpt.alert_rules</c> and <c>rpt.alert_silences</c> (filled by <c>bhyt alerts</c>).
/// A caller limited to a scope (<see cref="IUnitAccessSource"/>) reads the alerts of units in it only, and the rules and
/// silences of the whole country or of units in it.
/// </summary>
public sealed class AlertQueries(ReportingDb db, UnitCatalog units, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    /// <summary>
    /// Alerts of <paramref name="unit"/> and every unit below it (all alerts for the country), newest first.
    /// Units are matched by code within the selection's boundary set.
    /// </summary>
    public async Task<List<AlertRow>> AlertsAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        if (await ScopedSubtreeAsync(unit, parameters, ct) is not { } filter) return [];
        return await db.QueryAsync($"""
            SELECT alert_id, "rule", unit_code, period_label, severity, message, status, created_at, resolved_at, condition, acknowledged_by,
                   acknowledged_at, last_notified_at, notifications, suppressed_by
            FROM rpt.alerts WHERE {filter}
            ORDER BY created_at DESC, alert_id DESC {db.Limit(limit)}
            """, parameters, Alert, ct);
    }

    /// <summary>The deliveries of the alerts of <paramref name="unit"/>'s subtree, newest first.</summary>
    public async Task<List<AlertDeliveryRow>> DeliveriesAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        if (await ScopedSubtreeAsync(unit, parameters, ct) is not { } filter) return [];
        return await db.QueryAsync($"""
            SELECT d.delivery_id, d.alert_id, d.notice, d.channel, d.target, d.status, d.attempts, d.created_at, d.last_attempt_at,
                   d.delivered_at, d.last_error
            FROM rpt.alert_deliveries d
            WHERE d.alert_id IN (SELECT alert_id FROM rpt.alerts WHERE {filter})
            ORDER BY d.delivery_id DESC {db.Limit(limit)}
            """, parameters, r => new AlertDeliveryRow(ReportingDb.Integer(r, 0), ReportingDb.Integer(r, 1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), (int)ReportingDb.Integer(r, 6), ReportingDb.Date(r, 7), ReportingDb.NullableDate(r, 8),
                ReportingDb.NullableDate(r, 9), ReportingDb.Text(r, 10)), ct);
    }

    public async Task<List<AlertRuleRow>> RulesAsync(CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var scope = (await _access.CurrentAsync(ct)).CodePredicate("unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi,
                   updated_by, updated_at
            FROM rpt.alert_rules WHERE unit_code IS NULL OR {scope} ORDER BY code, unit_code, rule_id
            """, parameters, r => new AlertRuleRow(ReportingDb.Integer(r, 0), r.GetString(1), r.GetString(2), ReportingDb.Text(r, 3),
                ReportingDb.NullableNumber(r, 4), r.GetString(5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8),
                (int)ReportingDb.Integer(r, 9), Convert.ToBoolean(r.GetValue(10)), r.GetString(11), ReportingDb.Text(r, 12),
                ReportingDb.NullableDate(r, 13)), ct);
    }

    public async Task<List<AlertSilenceRow>> SilencesAsync(int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var scope = (await _access.CurrentAsync(ct)).CodePredicate("unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT silence_id, rule_code, unit_code, created_by, reason, starts_at, ends_at
            FROM rpt.alert_silences WHERE unit_code IS NULL OR {scope} ORDER BY ends_at DESC, silence_id DESC {db.Limit(limit)}
            """, parameters, r => new AlertSilenceRow(ReportingDb.Integer(r, 0), ReportingDb.Text(r, 1), ReportingDb.Text(r, 2), r.GetString(3),
                r.GetString(4), ReportingDb.Date(r, 5), ReportingDb.Date(r, 6)), ct);
    }

    /// <summary>Whether the alert exists and is in the caller's scope (checked before it is acknowledged).</summary>
    public async Task<bool> IsVisibleAsync(long alertId, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(new { id = alertId });
        var scope = (await _access.CurrentAsync(ct)).CodePredicate("unit_code", parameters);
        return (await db.QueryAsync($"SELECT alert_id FROM rpt.alerts WHERE alert_id = @id AND {scope}", parameters,
            r => ReportingDb.Integer(r, 0), ct)).Count > 0;
    }

    /// <summary>The conditions (joined by AND) keeping the caller's scope and <paramref name="unit"/>'s subtree; null when the unit is out of scope.</summary>
    private async Task<string?> ScopedSubtreeAsync(UnitInfo unit, Dapper.DynamicParameters parameters, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (!scope.Allows(unit)) return null;
        var subtree = await SubtreeAsync(unit, parameters, ct);
        return scope.CodePredicate("unit_code", parameters) + (subtree is null ? "" : $" AND unit_code IN ({subtree})");
    }

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

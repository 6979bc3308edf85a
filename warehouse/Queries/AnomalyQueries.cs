namespace Bhyt.Warehouse.Queries;

public sealed record AnomalyRow(long Id, DateTime DetectedAt, string SubjectKind, string SubjectCode, string? PeriodLabel, string Measure,
    double? Value, double? Expected, double? Score, string Severity, string Method, string? Explanation);

public sealed record AlertRow(long Id, string Rule, string? UnitCode, string? PeriodLabel, string Severity, string Message, DateTime CreatedAt, DateTime? DeliveredAt, string? Channel);

/// <summary>Lists over <c>rpt.anomalies</c> and <c>rpt.alerts</c> (filled by the anomaly detection and the alert rules).</summary>
public sealed class AnomalyQueries(ReportingDb db, UnitCatalog units)
{
    public Task<List<AnomalyRow>> AnomaliesAsync(int limit, CancellationToken ct) =>
        db.QueryAsync($"""
            SELECT anomaly_id, detected_at, subject_kind, subject_code, period_label, measure, value, expected, score, severity, method, explanation
            FROM rpt.anomalies ORDER BY detected_at DESC, anomaly_id DESC {db.Limit(limit)}
            """, null, r => new AnomalyRow(ReportingDb.Integer(r, 0), ReportingDb.Date(r, 1), r.GetString(2), r.GetString(3), ReportingDb.Text(r, 4),
                r.GetString(5), ReportingDb.NullableNumber(r, 6), ReportingDb.NullableNumber(r, 7), ReportingDb.NullableNumber(r, 8),
                r.GetString(9), r.GetString(10), ReportingDb.Text(r, 11)), ct);

    /// <summary>
    /// Alerts of <paramref name="unit"/> and every unit below it (all alerts for the country), newest first.
    /// Units are matched by code within the selection's boundary set.
    /// </summary>
    public async Task<List<AlertRow>> AlertsAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var filter = "";
        if (unit.Level != "country")
        {
            var codes = (await units.SelfAndDescendantsAsync(unit.Set, unit.Code, ct)).Select(u => u.Code).Distinct().ToList();
            filter = $"WHERE unit_code IN ({SqlList.Add(parameters, "u", codes)})";
        }
        return await db.QueryAsync($"""
            SELECT alert_id, rule, unit_code, period_label, severity, message, created_at, delivered_at, channel
            FROM rpt.alerts {filter} ORDER BY created_at DESC, alert_id DESC {db.Limit(limit)}
            """, parameters, r => new AlertRow(ReportingDb.Integer(r, 0), r.GetString(1), ReportingDb.Text(r, 2), ReportingDb.Text(r, 3), r.GetString(4),
                r.GetString(5), ReportingDb.Date(r, 6), ReportingDb.NullableDate(r, 7), ReportingDb.Text(r, 8)), ct);
    }
}

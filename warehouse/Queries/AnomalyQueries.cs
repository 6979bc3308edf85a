namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.anomalies</c>: what was found, about what (unit / facility / claim), and where its review stands.</summary>
public sealed record AnomalyRow(long Id, DateTime DetectedAt, string Kind, string SubjectKind, string SubjectCode, string? UnitCode, string? FacilityCode,
    string? ClaimId, string? PeriodLabel, string Measure, double? Value, double? Expected, double? Score, string Severity, string Method,
    string? Explanation, string Status, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote);

public sealed record AlertRow(long Id, string Rule, string? UnitCode, string? PeriodLabel, string Severity, string Message, DateTime CreatedAt, DateTime? DeliveredAt, string? Channel);

/// <summary>Lists over <c>rpt.anomalies</c> and <c>rpt.alerts</c> (filled by the anomaly detection and the alert rules).</summary>
public sealed class AnomalyQueries(ReportingDb db, UnitCatalog units)
{
    public Task<List<AnomalyRow>> AnomaliesAsync(int limit, CancellationToken ct) =>
        db.QueryAsync($"""
            SELECT anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id, period_label, measure,
                   value, expected, score, severity, method, explanation, status, reviewed_by, reviewed_at, review_note
            FROM rpt.anomalies ORDER BY detected_at DESC, anomaly_id DESC {db.Limit(limit)}
            """, null, r => new AnomalyRow(ReportingDb.Integer(r, 0), ReportingDb.Date(r, 1), r.GetString(2), r.GetString(3), r.GetString(4),
                ReportingDb.Text(r, 5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8), r.GetString(9),
                ReportingDb.NullableNumber(r, 10), ReportingDb.NullableNumber(r, 11), ReportingDb.NullableNumber(r, 12), r.GetString(13),
                r.GetString(14), ReportingDb.Text(r, 15), r.GetString(16), ReportingDb.Text(r, 17), ReportingDb.NullableDate(r, 18),
                ReportingDb.Text(r, 19)), ct);

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

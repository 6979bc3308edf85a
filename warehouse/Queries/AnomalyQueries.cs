using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.anomalies</c>: what was found, about what (unit / facility / claim), and where its review stands.</summary>
public sealed record AnomalyRow(long Id, DateTime DetectedAt, string Kind, string SubjectKind, string SubjectCode, string? UnitCode, string? FacilityCode,
    string? ClaimId, string? PeriodLabel, string Measure, double? Value, double? Expected, double? Score, string Severity, string Method,
    string? Explanation, string Status, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote)
{
    /// <summary>The first day of the flagged period (null when the anomaly has no period dates).</summary>
    public DateTime? PeriodStart { get; init; }

    /// <summary>The last day of the flagged period.</summary>
    public DateTime? PeriodEnd { get; init; }

    /// <summary>When a later detection run over its kind and period no longer found it (the data was corrected); null while it stands.</summary>
    public DateTime? ClearedAt { get; init; }
}

/// <summary>
/// What the *Bất thường* page filters on; a null or empty field does not filter. <see cref="From"/> / <see cref="To"/> are
/// dates: an anomaly whose period overlaps [From, To] is kept (one without period dates is kept too: it cannot be placed).
/// </summary>
public sealed record AnomalyFilter(string? Kind = null, string? Severity = null, string? Status = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Lists over <c>rpt.anomalies</c> (filled by the anomaly detection); the alerts are <see cref="AlertQueries"/>'. A caller
/// limited to a scope (<see cref="IUnitAccessSource"/>) reads only anomalies of units in it (<see cref="Scope"/>):
/// none tied to no unit, none of another unit passed in.
/// </summary>
public sealed class AnomalyQueries(ReportingDb db, UnitCatalog units, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    public async Task<List<AnomalyRow>> AnomaliesAsync(int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var scope = Scope(await _access.CurrentAsync(ct), parameters);
        return await db.QueryAsync($"""
            SELECT anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id, period_label, measure,
                   value, expected, score, severity, method, explanation, status, reviewed_by, reviewed_at, review_note
            FROM rpt.anomalies WHERE {scope} ORDER BY detected_at DESC, anomaly_id DESC {db.Limit(limit)}
            """, parameters, r => new AnomalyRow(ReportingDb.Integer(r, 0), ReportingDb.Date(r, 1), r.GetString(2), r.GetString(3), r.GetString(4),
                ReportingDb.Text(r, 5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8), r.GetString(9),
                ReportingDb.NullableNumber(r, 10), ReportingDb.NullableNumber(r, 11), ReportingDb.NullableNumber(r, 12), r.GetString(13),
                r.GetString(14), ReportingDb.Text(r, 15), r.GetString(16), ReportingDb.Text(r, 17), ReportingDb.NullableDate(r, 18),
                ReportingDb.Text(r, 19)), ct);
    }

    /// <summary>Whether the anomaly exists and is in the caller's scope (checked before a verdict is recorded).</summary>
    public async Task<bool> IsVisibleAsync(long anomalyId, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(new { id = anomalyId });
        var scope = Scope(await _access.CurrentAsync(ct), parameters);
        return (await db.QueryAsync($"SELECT anomaly_id FROM rpt.anomalies WHERE anomaly_id = @id AND {scope}", parameters,
            r => ReportingDb.Integer(r, 0), ct)).Count > 0;
    }

    private const string AnomalyColumns = """
        anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id, period_label, measure,
        value, expected, score, severity, method, explanation, status, reviewed_by, reviewed_at, review_note, period_start, period_end,
        cleared_at
        """;

    /// <summary>
    /// Anomalies of <paramref name="unit"/> and every unit below it (all anomalies for the country, including those tied to no
    /// unit) that pass <paramref name="filter"/>, newest first. Parameterised: filter values never reach the SQL text.
    /// </summary>
    public async Task<List<AnomalyRow>> ListAsync(UnitInfo unit, AnomalyFilter filter, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        var where = await ScopedSubtreeAsync(unit, parameters, ct);
        if (where is null) return [];
        void Equal(string column, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            parameters.Add(column, value.Trim());
            where.Add($"{column} = @{column}");
        }
        Equal("kind", filter.Kind);
        Equal("severity", filter.Severity);
        Equal("status", filter.Status);
        if (filter.From is { } from)
        {
            parameters.Add("from", from.ToDateTime(TimeOnly.MinValue));
            where.Add("(period_end IS NULL OR period_end >= @from)");
        }
        if (filter.To is { } to)
        {
            parameters.Add("to", to.ToDateTime(TimeOnly.MinValue));
            where.Add("(period_start IS NULL OR period_start <= @to)");
        }
        var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return await db.QueryAsync($"""
            SELECT {AnomalyColumns}
            FROM rpt.anomalies {clause} ORDER BY detected_at DESC, anomaly_id DESC {db.Limit(limit)}
            """, parameters, r => Anomaly(r) with
            {
                PeriodStart = ReportingDb.NullableDate(r, 20), PeriodEnd = ReportingDb.NullableDate(r, 21), ClearedAt = ReportingDb.NullableDate(r, 22),
            }, ct);
    }

    /// <summary>
    /// Per kind and method (<see cref="RulePrecision.MethodOf"/>), over the anomalies of <paramref name="unit"/> and every unit
    /// below it: flagged, reviewed, confirmed and dismissed — the precision each rule has earned from reviewers' verdicts.
    /// Counted in SQL per stored method; methods that carry their figures are folded into their rule here.
    /// </summary>
    public async Task<List<RulePrecision>> PrecisionAsync(UnitInfo unit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters();
        if (await ScopedSubtreeAsync(unit, parameters, ct) is not { } where) return [];
        var clause = "WHERE " + string.Join(" AND ", where);
        var counted = await db.QueryAsync($"""
            SELECT kind, method, COUNT(*),
                   SUM(CASE WHEN status <> 'open' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'dismissed' THEN 1 ELSE 0 END)
            FROM rpt.anomalies {clause}
            GROUP BY kind, method
            """, parameters, r => new RulePrecision(r.GetString(0), RulePrecision.MethodOf(r.GetString(1)), (int)ReportingDb.Integer(r, 2),
                (int)ReportingDb.Integer(r, 3), (int)ReportingDb.Integer(r, 4), (int)ReportingDb.Integer(r, 5)), ct);
        return counted.GroupBy(p => (p.Kind, p.Method))
            .Select(g => new RulePrecision(g.Key.Kind, g.Key.Method, g.Sum(p => p.Flagged), g.Sum(p => p.Reviewed), g.Sum(p => p.Confirmed), g.Sum(p => p.Dismissed)))
            .OrderBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The conditions keeping the caller's scope and <paramref name="unit"/>'s subtree; null when the unit is out of scope.</summary>
    private async Task<List<string>?> ScopedSubtreeAsync(UnitInfo unit, Dapper.DynamicParameters parameters, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (!scope.Allows(unit)) return null;
        var where = new List<string> { Scope(scope, parameters) };
        if (await SubtreeAsync(unit, parameters, ct) is { } subtree) where.Add(subtree);
        return where;
    }

    /// <summary>
    /// The anomalies a caller may read: those whose unit code is in scope whatever its boundary set (<see cref="UnitAccess.CodePredicate"/>),
    /// and those about a unit or a province's fund whose unit — the one of the set in force at its period — is in scope.
    /// </summary>
    private static string Scope(UnitAccess access, Dapper.DynamicParameters parameters) =>
        access.IsCountry ? "1 = 1"
            : $"({access.CodePredicate("unit_code", parameters)} OR (subject_kind IN ('unit', 'fund') AND {access.PeriodPredicate("unit_code", "period_start", parameters)}))";

    /// <summary>The condition keeping <paramref name="unit"/> and its descendants (null for the country: everything), its codes added as parameters.</summary>
    private async Task<string?> SubtreeAsync(UnitInfo unit, Dapper.DynamicParameters parameters, CancellationToken ct)
    {
        if (unit.Level == "country") return null;
        var codes = (await units.SelfAndDescendantsAsync(unit.Set, unit.Code, ct)).Select(u => u.Code).Distinct().ToList();
        return $"unit_code IN ({SqlList.Add(parameters, "u", codes)})";
    }

    private static AnomalyRow Anomaly(System.Data.Common.DbDataReader r) => new(ReportingDb.Integer(r, 0), ReportingDb.Date(r, 1), r.GetString(2),
        r.GetString(3), r.GetString(4), ReportingDb.Text(r, 5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8), r.GetString(9),
        ReportingDb.NullableNumber(r, 10), ReportingDb.NullableNumber(r, 11), ReportingDb.NullableNumber(r, 12), r.GetString(13),
        r.GetString(14), ReportingDb.Text(r, 15), r.GetString(16), ReportingDb.Text(r, 17), ReportingDb.NullableDate(r, 18), ReportingDb.Text(r, 19));
}

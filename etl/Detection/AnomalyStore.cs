using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Detection;

/// <summary>What one save did: anomalies found for the first time, and anomalies already stored that were found again.</summary>
public sealed record AnomalySaveResult(int Inserted, int Refreshed);

/// <summary>
/// Writes what a detection run found into <c>dw.anomaly</c>, set-based, by identity (kind, subject_kind, subject_code,
/// period_label). A new finding is inserted as <c>open</c>. A finding already stored is updated in place — its figures,
/// severity, explanation, what it points at and <c>last_detected_at</c> — and keeps its id, <c>detected_at</c>, status and
/// review: re-detection never resets a reviewer's verdict. An anomaly a run no longer finds is left as it is: a run may
/// look at some months or some detectors only, so not finding something is no proof it cleared; closing it is the
/// reviewer's verdict (status <c>resolved</c>).
/// </summary>
public sealed class AnomalyStore(IWarehouseEngine engine)
{
    private static readonly string[] StageColumns =
    [
        "run_id", "kind", "subject_kind", "subject_code", "unit_code", "facility_code", "claim_id", "period_label", "period_start",
        "period_end", "measure", "value", "expected", "score", "severity", "method", "explanation",
    ];

    private const string SameIdentity = """
        s.kind = dw.anomaly.kind AND s.subject_kind = dw.anomaly.subject_kind AND s.subject_code = dw.anomaly.subject_code
        AND coalesce(s.period_label, '') = coalesce(dw.anomaly.period_label, '')
        """;

    private const string NewInRun = """
        FROM etl.anomaly_stage s
        WHERE s.run_id = @run
          AND NOT EXISTS (SELECT 1 FROM dw.anomaly a
                          WHERE a.kind = s.kind AND a.subject_kind = s.subject_kind AND a.subject_code = s.subject_code
                            AND coalesce(a.period_label, '') = coalesce(s.period_label, ''))
        """;

    public async Task<AnomalySaveResult> SaveAsync(DbConnection connection, IReadOnlyList<AnomalyFinding> findings, DateTime detectedAt,
        CancellationToken ct)
    {
        // A detector may report one identity twice (two rules on the same claim); the strongest finding stands for it.
        var distinct = findings
            .GroupBy(f => (f.Kind, f.SubjectKind, f.SubjectCode, f.PeriodLabel))
            .Select(g => g.OrderByDescending(f => Rank(f.Severity)).ThenByDescending(f => f.Score ?? double.MinValue).First())
            .ToList();
        if (distinct.Count == 0) return new AnomalySaveResult(0, 0);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var run = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_detect_run", 1, ct);
        await engine.BulkInsertAsync(connection, transaction, "etl.anomaly_stage", StageColumns, distinct.Select(f => StageRow(run, f)), ct);

        var parameters = new DynamicParameters(new { run, now = detectedAt, open = "open" });
        var inserted = await connection.ExecuteScalarAsync<int>(Command($"SELECT count(*) {NewInRun}", parameters, transaction, ct));
        var refreshed = await connection.ExecuteAsync(Command($"""
            UPDATE dw.anomaly
            SET unit_code = s.unit_code, facility_code = s.facility_code, claim_id = s.claim_id, period_start = s.period_start,
                period_end = s.period_end, measure = s.measure, value = s.value, expected = s.expected, score = s.score,
                severity = s.severity, method = s.method, explanation = s.explanation, last_detected_at = @now
            FROM etl.anomaly_stage s
            WHERE s.run_id = @run AND {SameIdentity}
            """, parameters, transaction, ct));
        if (inserted > 0)
        {
            parameters.Add("first", await engine.ReserveKeysAsync(connection, transaction, "dw.seq_anomaly", inserted, ct));
            await connection.ExecuteAsync(Command($"""
                INSERT INTO dw.anomaly (anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id,
                                        period_label, period_start, period_end, measure, value, expected, score, severity, method,
                                        explanation, status, reviewed_by, reviewed_at, review_note, first_detected_at, last_detected_at)
                SELECT @first - 1 + row_number() OVER (ORDER BY s.kind, s.subject_kind, s.subject_code, s.period_label),
                       @now, s.kind, s.subject_kind, s.subject_code, s.unit_code, s.facility_code, s.claim_id, s.period_label,
                       s.period_start, s.period_end, s.measure, s.value, s.expected, s.score, s.severity, s.method, s.explanation,
                       @open, NULL, NULL, NULL, @now, @now
                {NewInRun}
                """, parameters, transaction, ct));
        }
        await connection.ExecuteAsync(Command("DELETE FROM etl.anomaly_stage WHERE run_id = @run", parameters, transaction, ct));
        await transaction.CommitAsync(ct);
        return new AnomalySaveResult(inserted, refreshed);
    }

    private static int Rank(string severity) => severity switch
    {
        AnomalyFinding.High => 3,
        AnomalyFinding.Medium => 2,
        _ => 1,
    };

    private static object?[] StageRow(long run, AnomalyFinding f) =>
    [
        run, f.Kind, f.SubjectKind, f.SubjectCode, f.UnitCode, f.FacilityCode, f.ClaimId, f.PeriodLabel, f.PeriodStart, f.PeriodEnd,
        f.Measure, f.Value, f.Expected, f.Score, f.Severity, f.Method, f.Explanation,
    ];

    private CommandDefinition Command(string sql, DynamicParameters parameters, DbTransaction transaction, CancellationToken ct) =>
        new(engine.Sql(sql), parameters, transaction, commandTimeout: 0, cancellationToken: ct);
}

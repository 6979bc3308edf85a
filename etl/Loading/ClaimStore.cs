using System.Data.Common;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>What loading one claims file did.</summary>
public sealed record ClaimLoad(int RowsRead, int Loaded, int AlreadyLoaded, IReadOnlyList<ValidationIssue> Errors, int ErrorCount);

/// <summary>
/// Loads a claims file in one transaction: rows stream through the Appender (SqlBulkCopy) into <c>etl.stg_claim</c>,
/// are checked as a set (unknown facilities), move into <c>dw.fct_claim</c> without the claims already loaded (same
/// MA_LK at the same facility), and the monthly aggregate is rebuilt for the months the file touched. Any error rolls
/// everything back: nothing of a rejected file stays. The claims-derived indicators are recomputed for the touched years.
/// </summary>
public sealed class ClaimStore(IWarehouseEngine engine, SubmissionStore submissions, ClaimIndicatorDeriver indicators)
{
    private static readonly string[] StagingColumns =
    [
        "submission_id", "source_row", "claim_id", "card_pseudonym", "facility_code", "residence_province", "visit_type", "visit_type_code",
        "admitted_at", "discharged_at", "month_key", "length_of_stay", "primary_icd", "total_cost", "insurer_paid", "patient_paid",
        "drug_cost", "supplies_cost",
    ];

    public async Task<(SubmissionRecord Submission, ClaimLoad Load)> LoadAsync(DbConnection connection, SubmissionRecord submission,
        ClaimsCsvReader reader, string path, CancellationToken ct)
    {
        var months = (await connection.QueryAsync<(string Label, int Key)>(new CommandDefinition(
            "SELECT label, period_key FROM dw.dim_period WHERE kind = 'month'", cancellationToken: ct))).ToDictionary(r => r.Label, r => r.Key);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var saved = await submissions.InsertSubmissionAsync(connection, transaction, submission, ct);
        var id = saved.SubmissionId;
        await engine.BulkInsertAsync(connection, transaction, "etl.stg_claim", StagingColumns,
            reader.Read(path).Select(row => Staging(id, row, months)), ct);

        var errors = reader.Errors.ToList();
        var errorCount = reader.ErrorCount + await UnknownFacilitiesAsync(connection, transaction, id, errors, ct);
        if (errorCount > 0)
        {
            await transaction.RollbackAsync(ct);
            var rejected = await submissions.SaveAsync(connection, submission with
            {
                Status = "rejected", RowsLoaded = 0, RowsRejected = errorCount, Message = $"Bị từ chối: {errorCount} lỗi; không hồ sơ nào được nạp.",
            }, [], errors, ct);
            return (rejected, new ClaimLoad(reader.RowsRead, 0, 0, errors, errorCount));
        }

        var loaded = await MoveToFactAsync(connection, transaction, id, reader.RowsRead, ct);
        var touched = await RefreshMonthlyAsync(connection, transaction, id, ct);
        await indicators.DeriveAsync(connection, transaction, touched, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM etl.stg_claim WHERE submission_id = @id"), new { id }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.submission SET rows_loaded = @loaded, message = @message WHERE submission_id = @id"),
            new { id, loaded, message = loaded < reader.RowsRead ? $"{reader.RowsRead - loaded} hồ sơ đã có trong kho (trùng MA_LK tại cùng cơ sở), bỏ qua." : null },
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return (saved with { RowsLoaded = loaded }, new ClaimLoad(reader.RowsRead, loaded, reader.RowsRead - loaded, [], 0));
    }

    private object?[] Staging(long submissionId, ClaimRow row, Dictionary<string, int> months) =>
    [
        submissionId, row.SourceRow, row.ClaimId, row.CardPseudonym, row.FacilityCode, row.ResidenceProvince, row.VisitType, row.VisitTypeCode,
        row.AdmittedAt, row.DischargedAt,
        months.TryGetValue(row.Month.ToString("yyyy-MM"), out var key) ? key
            : throw new InvalidOperationException($"dòng {row.SourceRow}: tháng {row.Month:yyyy-MM} nằm ngoài lịch của kho (2000–2035)."),
        row.LengthOfStay, row.PrimaryIcd, row.TotalCost, row.InsurerPaid, row.PatientPaid, row.DrugCost, row.SuppliesCost,
    ];

    private async Task<int> UnknownFacilitiesAsync(DbConnection connection, DbTransaction transaction, long id, List<ValidationIssue> errors, CancellationToken ct)
    {
        var unknown = (await connection.QueryAsync<(string Facility, int Rows, int FirstRow)>(new CommandDefinition(engine.Sql("""
            SELECT s.facility_code, count(*), min(s.source_row)
            FROM etl.stg_claim s
            WHERE s.submission_id = @id AND NOT EXISTS (SELECT 1 FROM dw.dim_facility f WHERE f.facility_code = s.facility_code)
            GROUP BY s.facility_code
            """), new { id }, transaction, cancellationToken: ct))).ToList();
        errors.AddRange(unknown.Select(u => new ValidationIssue(ValidationIssue.Error, "claim.unknown_facility",
            $"Cơ sở KCB '{u.Facility}' chưa có trong danh mục cơ sở ({u.Rows} hồ sơ); hãy nạp tệp cơ sở KCB trước.", $"dòng {u.FirstRow}, cột MA_CSKCB")));
        return unknown.Sum(u => u.Rows);
    }

    // Keys are first + source_row from a range reserved for the whole file: no count query and no sort for keys;
    // the gaps left by skipped rows cost nothing (sequences have gaps anyway).
    private async Task<int> MoveToFactAsync(DbConnection connection, DbTransaction transaction, long id, int rowsRead, CancellationToken ct)
    {
        if (rowsRead == 0) return 0;
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_claim", rowsRead + 2, ct);
        return await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO dw.fct_claim (claim_key, claim_id, card_pseudonym, facility_key, facility_code, residence_province, visit_type,
                visit_type_code, admitted_at, discharged_at, month_key, length_of_stay, primary_icd, total_cost, insurer_paid, patient_paid,
                drug_cost, supplies_cost, submission_id, source_row)
            SELECT @first + s.source_row, s.claim_id, s.card_pseudonym, f.facility_key, s.facility_code,
                   s.residence_province, s.visit_type, s.visit_type_code, s.admitted_at, s.discharged_at, s.month_key, s.length_of_stay,
                   s.primary_icd, s.total_cost, s.insurer_paid, s.patient_paid, s.drug_cost, s.supplies_cost, @id, s.source_row
            FROM (SELECT s.*, row_number() OVER (PARTITION BY s.claim_id, s.facility_code ORDER BY s.source_row) AS rn
                  FROM etl.stg_claim s WHERE s.submission_id = @id) s
            JOIN dw.dim_facility f ON f.facility_code = s.facility_code
            WHERE s.rn = 1 AND NOT EXISTS (SELECT 1 FROM dw.fct_claim c WHERE c.claim_id = s.claim_id AND c.facility_code = s.facility_code)
            """), new { id, first }, transaction, cancellationToken: ct, commandTimeout: 0));
    }

    /// <summary>Rebuilds <c>dw.fct_claims_monthly</c> for the months this file touched, from all claims of those months.</summary>
    private async Task<IReadOnlyList<int>> RefreshMonthlyAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        var months = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(
            "SELECT DISTINCT month_key FROM etl.stg_claim WHERE submission_id = @id"), new { id }, transaction, cancellationToken: ct))).ToList();
        if (months.Count == 0) return months;
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM dw.fct_claims_monthly WHERE month_key IN @months"),
            new { months }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO dw.fct_claims_monthly (month_key, province_code, facility_key, facility_code, facility_tier, visit_type, claims, patients,
                bed_days, total_cost, insurer_paid, drug_cost, supplies_cost, refreshed_at)
            SELECT c.month_key, f.province_code, c.facility_key, c.facility_code, f.tier, c.visit_type, count(*), count(DISTINCT c.card_pseudonym),
                   coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0), sum(c.total_cost),
                   coalesce(sum(c.insurer_paid), 0), coalesce(sum(c.drug_cost), 0), coalesce(sum(c.supplies_cost), 0), @now
            FROM dw.fct_claim c
            LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
            WHERE c.month_key IN @months
            GROUP BY c.month_key, f.province_code, c.facility_key, c.facility_code, f.tier, c.visit_type
            """), new { months, now = DateTime.UtcNow }, transaction, cancellationToken: ct, commandTimeout: 0));
        return months;
    }
}

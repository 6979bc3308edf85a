using System.Data.Common;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading.Details;

/// <summary>What storing a file's detail lines did: lines staged and stored, warnings (the first kept, all counted), and the note for the user.</summary>
public sealed record DetailLoad(long Lines, long Linked, IReadOnlyList<ValidationIssue> Warnings, int WarningCount, string? Note = null);

/// <summary>
/// Stores the detail lines of a claims file inside the file's transaction, once its claims are in <c>dw.fct_claim</c>:
/// the lines go from the spill through the engine's bulk load into <c>etl.claim_detail_stage</c>, then each claim's lines
/// join its row of this file by MA_LK — the lines of the last HOSO that sent the claim (as the claim keeps its last row) —
/// into <c>dw.fct_claim_detail</c>. A line whose MA_LK matches no claim of the file, or one sent by two facilities in the
/// same file, is not stored (a warning counts them). After the resubmissions are resolved (<see cref="ClaimVersions"/>),
/// <see cref="FinishAsync"/> compares XML1's totals with the sums of the lines and empties the work table.
/// </summary>
public sealed class ClaimDetailStore(IWarehouseEngine engine)
{
    public static readonly string[] StageColumns =
    [
        "submission_id", "claim_group", "file_name", "claim_id", "source_table", "line_no", "cost_group", "category", "item_code",
        "quantity", "unit_price", "amount", "insured_amount", "insurer_paid",
    ];

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private const string Columns = "source_table, line_no, cost_group, category, item_code, quantity, unit_price, amount, insured_amount, insurer_paid";

    internal static readonly string LinkSql = $"""
        INSERT INTO dw.fct_claim_detail (claim_key, claim_id, facility_code, month_key, submission_id, {Columns})
        SELECT c.claim_key, c.claim_id, c.facility_code, c.month_key, c.submission_id, {string.Join(", ", Columns.Split(", ").Select(c => "s." + c))}
        FROM etl.claim_detail_stage s
        JOIN (SELECT claim_id, max(claim_group) AS claim_group FROM etl.claim_detail_stage WHERE submission_id = @id GROUP BY claim_id) last
          ON last.claim_id = s.claim_id AND last.claim_group = s.claim_group
        JOIN (SELECT claim_id, max(claim_key) AS claim_key FROM dw.fct_claim WHERE submission_id = @id
              GROUP BY claim_id HAVING count(DISTINCT facility_code) = 1) one
          ON one.claim_id = s.claim_id
        JOIN dw.fct_claim c ON c.claim_key = one.claim_key AND c.submission_id = @id
        WHERE s.submission_id = @id
        """;

    internal const string UnmatchedSql = """
        SELECT CAST(count(*) AS BIGINT) AS Lines, min(s.claim_id) AS FirstClaim
        FROM etl.claim_detail_stage s
        WHERE s.submission_id = @id
          AND s.claim_id NOT IN (SELECT claim_id FROM dw.fct_claim WHERE submission_id = @id GROUP BY claim_id HAVING count(DISTINCT facility_code) = 1)
        """;

    /// <summary>Bulk-loads the spilled lines and joins them to the file's claims; returns the lines stored.</summary>
    public async Task<DetailLoad> LoadAsync(DbConnection connection, DbTransaction transaction, long id, ClaimDetailSpill spill, CancellationToken ct)
    {
        if (spill.Lines == 0) return new DetailLoad(0, 0, [], 0);
        var staged = await engine.BulkInsertAsync(connection, transaction, "etl.claim_detail_stage", StageColumns, Batches(spill.Replay(id)), ct);
        var linked = await ExecuteAsync(connection, transaction, LinkSql, new { id }, ct);
        var unmatched = await connection.QuerySingleAsync<(long Lines, string? FirstClaim)>(new CommandDefinition(engine.Sql(UnmatchedSql), new { id },
            transaction, cancellationToken: ct, commandTimeout: 0));
        List<ValidationIssue> warnings = unmatched.Lines == 0 ? [] :
        [
            new(ValidationIssue.Warning, "claim_detail.unmatched",
                $"{unmatched.Lines.ToString("N0", Vi)} dòng chi tiết XML2/XML3 không khớp hồ sơ XML1 nào của tệp (MA_LK không có trong XML1, hoặc có ở hai cơ sở); không được nạp.",
                $"MA_LK {unmatched.FirstClaim}"),
        ];
        return new DetailLoad(staged, linked, warnings, warnings.Count);
    }

    /// <summary>
    /// Once the resubmissions are resolved: XML1's totals against the sums of the lines of the claims this file kept
    /// (<see cref="ClaimDetailReconciliation"/>), the work table emptied, and how many claims came with lines.
    /// </summary>
    public async Task<DetailLoad> FinishAsync(DbConnection connection, DbTransaction transaction, long id, DetailLoad load, CancellationToken ct)
    {
        var (mismatches, count) = await new ClaimDetailReconciliation(engine).CheckAsync(connection, transaction, id, ct);
        await ExecuteAsync(connection, transaction, "DELETE FROM etl.claim_detail_stage WHERE submission_id = @id", new { id }, ct);
        return load with
        {
            Warnings = [.. load.Warnings, .. mismatches], WarningCount = load.WarningCount + count, Note = await NoteAsync(connection, transaction, id, ct),
        };
    }

    private async Task<string> NoteAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        var (claims, lines) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(engine.Sql(
                "SELECT CAST(count(DISTINCT claim_key) AS BIGINT), CAST(count(*) AS BIGINT) FROM dw.fct_claim_detail WHERE submission_id = @id"),
            new { id }, transaction, cancellationToken: ct, commandTimeout: 0));
        return claims == 0
            ? "Không hồ sơ nào của tệp có bảng chi tiết XML2/XML3: dịch vụ kỹ thuật, khám và ngày giường của tệp chưa có."
            : $"{claims.ToString("N0", Vi)} hồ sơ có bảng chi tiết XML2/XML3 ({lines.ToString("N0", Vi)} dòng).";
    }

    private static async IAsyncEnumerable<IBulkBatch> Batches(IEnumerable<StagedDetailBatch> batches)
    {
        foreach (var batch in batches) yield return batch;
        await Task.CompletedTask;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(sql), parameters, transaction, cancellationToken: ct, commandTimeout: 0));
}

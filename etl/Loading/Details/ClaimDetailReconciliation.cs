using System.Data.Common;
using System.Globalization;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// Compares each claim of a file that came with detail lines with the sums of its lines, as the decision text defines
/// XML1's totals: T_THUOC = Σ drug lines, T_VTYT = Σ supply lines (both at hospital prices, THANH_TIEN_BV / THANH_TIEN),
/// and the claim's total (T_TONGCHI_BH under QĐ 130, T_TONGCHI under QĐ 4210) = Σ THANH_TIEN_BH (THANH_TIEN where a line
/// has no THANH_TIEN_BH). Each line may be rounded to the đồng, so a difference up to 1 đồng per line is rounding, not a
/// mismatch. A mismatch is a warning naming the file, the MA_LK and both sums; the claim still loads. A claim without
/// lines is not compared, and an XML1 total left empty is not compared.
/// </summary>
public sealed class ClaimDetailReconciliation(IWarehouseEngine engine)
{
    private const int MaxKept = 1000;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private const string Sums = """
        FROM dw.fct_claim c
        JOIN (SELECT claim_key, CAST(count(*) AS BIGINT) AS lines,
                     sum(CASE WHEN category = 'drug' THEN coalesce(amount, 0) ELSE 0 END) AS drugs,
                     sum(CASE WHEN category = 'supplies' THEN coalesce(amount, 0) ELSE 0 END) AS supplies,
                     sum(coalesce(insured_amount, amount, 0)) AS insured
              FROM dw.fct_claim_detail WHERE submission_id = @id GROUP BY claim_key) d ON d.claim_key = c.claim_key
        """;

    private const string Mismatched = """
        WHERE c.submission_id = @id
          AND ((c.drug_cost IS NOT NULL AND abs(c.drug_cost - d.drugs) > d.lines)
            OR (c.supplies_cost IS NOT NULL AND abs(c.supplies_cost - d.supplies) > d.lines)
            OR abs(c.total_cost - d.insured) > d.lines)
        """;

    internal static readonly string CountSql = $"SELECT count(*)\n{Sums}\n{Mismatched}";

    /// <summary>The first mismatched claims, with the file (entry of a .zip) their lines came from.</summary>
    internal static string RowsSql(IWarehouseEngine engine) => $"""
        SELECT f.file_name AS FileName, c.claim_id AS ClaimId, c.drug_cost AS Drugs, c.supplies_cost AS Supplies, c.total_cost AS Total,
               d.lines AS Lines, d.drugs AS LineDrugs, d.supplies AS LineSupplies, d.insured AS LineTotal
        {Sums}
        LEFT JOIN (SELECT claim_id, max(file_name) AS file_name FROM etl.claim_detail_stage WHERE submission_id = @id GROUP BY claim_id) f
          ON f.claim_id = c.claim_id
        {Mismatched}
        ORDER BY c.claim_key
        {engine.RowLimit(MaxKept)}
        """;

    private sealed record Row(string? FileName, string ClaimId, decimal? Drugs, decimal? Supplies, decimal Total, long Lines, decimal LineDrugs,
        decimal LineSupplies, decimal LineTotal);

    public async Task<(IReadOnlyList<ValidationIssue> Kept, int Count)> CheckAsync(DbConnection connection, DbTransaction transaction, long id,
        CancellationToken ct)
    {
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(engine.Sql(CountSql), new { id }, transaction,
            cancellationToken: ct, commandTimeout: 0));
        if (count == 0) return ([], 0);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(engine.Sql(RowsSql(engine)), new { id }, transaction,
            cancellationToken: ct, commandTimeout: 0));
        return (rows.Select(Warning).ToList(), (int)count);
    }

    private static ValidationIssue Warning(Row r)
    {
        var parts = new List<string>(3);
        if (r.Drugs is { } drugs && Math.Abs(drugs - r.LineDrugs) > r.Lines)
            parts.Add($"tiền thuốc T_THUOC {Money(drugs)} ≠ tổng các dòng thuốc {Money(r.LineDrugs)}");
        if (r.Supplies is { } supplies && Math.Abs(supplies - r.LineSupplies) > r.Lines)
            parts.Add($"tiền vật tư T_VTYT {Money(supplies)} ≠ tổng các dòng vật tư {Money(r.LineSupplies)}");
        if (Math.Abs(r.Total - r.LineTotal) > r.Lines)
            parts.Add($"tổng chi {Money(r.Total)} ≠ tổng các dòng chi tiết {Money(r.LineTotal)}");
        var where = r.FileName is null ? $"MA_LK {r.ClaimId}" : $"tệp {r.FileName}, MA_LK {r.ClaimId}";
        return new ValidationIssue(ValidationIssue.Warning, "claim_detail.reconcile",
            $"Tổng tiền XML1 không khớp bảng chi tiết XML2/XML3: {string.Join("; ", parts)} (chênh lệch cho phép 1 đồng mỗi dòng).", where);
    }

    private static string Money(decimal value) => value.ToString("N0", Vi) + " đ";
}

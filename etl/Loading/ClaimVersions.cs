using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>What resolving a file's claims against the warehouse did: rows dropped, rows replaced, months the replaced rows sat in.</summary>
public sealed record ClaimResolution(int RepeatedInFile, int Unchanged, int Replaced, IReadOnlyList<int> ReplacedMonths);

/// <summary>
/// Resolves a just-appended claims file against the claims already in <c>dw.fct_claim</c>, where a claim is its MA_LK at
/// its facility and has one current row. Within the file, a repeated claim keeps its last row (a facility that corrects a
/// claim inside a batch appends the correction). A row identical in content to the current one is dropped, so loading the
/// same claims again changes nothing; a row that brings detail lines (XML2/XML3) is identical only if the current row has
/// as many lines with the same total amount, so a file with the lines of claims loaded before without them (a CSV export
/// of XML1) is a new version. Any other row is a new version: the current row moves, whole, to
/// <c>dw.fct_claim_version</c> with the submission replacing it, and the new row stays. The replaced row's detail lines are
/// deleted with it (<c>dw.fct_claim_detail</c> holds the current versions' lines; history keeps the XML1 totals), and
/// so are the lines of this file's rows that were dropped.
/// </summary>
public sealed class ClaimVersions(IWarehouseEngine engine)
{
    private static readonly string[] Columns =
    [
        "claim_key", "claim_id", "card_pseudonym", "facility_key", "facility_code", "residence_province", "visit_type", "visit_type_code",
        "admitted_at", "discharged_at", "month_key", "length_of_stay", "primary_icd", "total_cost", "insurer_paid", "patient_paid",
        "drug_cost", "supplies_cost", "submission_id", "source_row", "sex", "age_band",
    ];

    // What a facility sent about the claim; the keys, the file and its row are where it came from, not what it says.
    private static readonly string[] Content =
    [
        "card_pseudonym", "facility_key", "residence_province", "visit_type", "visit_type_code", "admitted_at", "discharged_at", "month_key",
        "length_of_stay", "primary_icd", "total_cost", "insurer_paid", "patient_paid", "drug_cost", "supplies_cost", "sex", "age_band",
    ];

    /// <summary>
    /// Drops all but the last row of each claim repeated in file @id. Every row of a loaded file has its facility's key,
    /// which names one code, so the file's claims are told apart by MA_LK and key (grouping by the code's text cost more).
    /// </summary>
    internal const string RepeatedInFileSql = """
            DELETE FROM dw.fct_claim
            WHERE submission_id = @id
              AND claim_key IN (
                SELECT ranked.claim_key
                FROM (SELECT c.claim_key,
                             row_number() OVER (PARTITION BY c.claim_id, c.facility_key ORDER BY c.claim_key DESC) AS position
                      FROM dw.fct_claim c
                      JOIN (SELECT claim_id, facility_key FROM dw.fct_claim WHERE submission_id = @id
                            GROUP BY claim_id, facility_key HAVING count(*) > 1) twice
                        ON twice.claim_id = c.claim_id AND twice.facility_key = c.facility_key
                      WHERE c.submission_id = @id) ranked
                WHERE ranked.position > 1)
            """;

    // The detail lines of the claims whose MA_LK file @id sent lines for: how many, and their total amount.
    private const string DetailPrint = """
            (SELECT claim_key, count(*) AS lines, sum(coalesce(amount, 0)) AS amount FROM dw.fct_claim_detail
             WHERE claim_id IN (SELECT claim_id FROM dw.fct_claim_detail WHERE submission_id = @id) GROUP BY claim_key)
            """;

    /// <summary>Drops the rows of file @id identical in content (and in detail lines, when it sent some) to the claim's row from an earlier file.</summary>
    internal static readonly string UnchangedSql = $"""
            DELETE FROM dw.fct_claim
            WHERE submission_id = @id
              AND claim_key IN (
                SELECT n.claim_key
                FROM dw.fct_claim n
                JOIN dw.fct_claim o ON o.claim_id = n.claim_id AND o.facility_code = n.facility_code AND o.submission_id <> @id
                LEFT JOIN {DetailPrint} nd ON nd.claim_key = n.claim_key
                LEFT JOIN {DetailPrint} od ON od.claim_key = o.claim_key
                WHERE n.submission_id = @id AND {string.Join(" AND ", Content.Select(c => $"(n.{c} = o.{c} OR (n.{c} IS NULL AND o.{c} IS NULL))"))}
                  AND (nd.claim_key IS NULL OR (od.lines = nd.lines AND od.amount = nd.amount)))
            """;

    /// <summary>
    /// After the two deletions, each claim of file @id has one row of the file, and the earlier row of the same claim, if any,
    /// is the replaced version. The earlier rows are joined with the file's claims only: grouping the whole table by claim
    /// to find the claims with two rows read every claim of the warehouse for each file (a correlated EXISTS over the whole
    /// table took 12 s for 12 million).
    /// </summary>
    internal static readonly string SupersedeSql = $"""
            INSERT INTO dw.fct_claim_version ({string.Join(", ", Columns)}, superseded_at, superseded_by)
            SELECT {string.Join(", ", Columns.Select(c => "o." + c))}, @now, @id
            FROM dw.fct_claim o
            JOIN (SELECT claim_id, facility_code FROM dw.fct_claim WHERE submission_id = @id) n
              ON n.claim_id = o.claim_id AND n.facility_code = o.facility_code
            WHERE o.submission_id <> @id
            """;

    /// <summary>Removes from <c>dw.fct_claim</c> the rows file @id moved to history.</summary>
    internal const string DropSupersededSql = """
            DELETE FROM dw.fct_claim
            WHERE submission_id <> @id
              AND claim_key IN (SELECT claim_key FROM dw.fct_claim_version WHERE superseded_by = @id)
            """;

    /// <summary>Deletes the detail lines of the rows file @id replaced.</summary>
    internal const string DropSupersededDetailsSql = """
            DELETE FROM dw.fct_claim_detail
            WHERE claim_key IN (SELECT claim_key FROM dw.fct_claim_version WHERE superseded_by = @id)
            """;

    /// <summary>Deletes the detail lines of file @id's rows that were dropped (repeated in the file, or unchanged).</summary>
    internal const string DropDroppedDetailsSql = """
            DELETE FROM dw.fct_claim_detail
            WHERE submission_id = @id
              AND claim_key NOT IN (SELECT claim_key FROM dw.fct_claim WHERE submission_id = @id)
            """;

    internal const string ReplacedMonthsSql = "SELECT DISTINCT month_key FROM dw.fct_claim_version WHERE superseded_by = @id";

    public async Task<ClaimResolution> ResolveAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        var repeated = await ExecuteAsync(connection, transaction, new { id }, RepeatedInFileSql, ct);
        var unchanged = await ExecuteAsync(connection, transaction, new { id }, UnchangedSql, ct);
        if (repeated + unchanged > 0) await ExecuteAsync(connection, transaction, new { id }, DropDroppedDetailsSql, ct);
        var replaced = await ExecuteAsync(connection, transaction, new { id, now = DateTime.UtcNow }, SupersedeSql, ct);
        if (replaced == 0) return new ClaimResolution(repeated, unchanged, 0, []);
        await ExecuteAsync(connection, transaction, new { id }, DropSupersededDetailsSql, ct);
        await ExecuteAsync(connection, transaction, new { id }, DropSupersededSql, ct);
        var months = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(ReplacedMonthsSql), new { id }, transaction,
            cancellationToken: ct))).ToList();
        return new ClaimResolution(repeated, unchanged, replaced, months);
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, object parameters, string sql, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(sql), parameters, transaction, cancellationToken: ct, commandTimeout: 0));
}

using System.Data.Common;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Brings the aggregates of the claims (<c>dw.fct_claims_monthly</c>, <c>dw.fct_facility_month</c>) in line with a claims
/// file just resolved, inside its transaction. Only the (month, facility) groups the file changed are rebuilt — those of
/// the claims it kept and of the versions it replaced (a correction may move a claim to another month) — each from all
/// claims of its group. Every row of both aggregates is a function of the claims of one month at one facility, so the
/// groups the file did not touch are already right; their distinct counts of cards could not be updated by adding the
/// file's counts (a card seen before in the month is not a new patient), which is why a touched group is recomputed
/// rather than incremented. A file that adds one facility's month to a warehouse of millions of claims reads that
/// facility-month's claims, not the month's. The distinct cards of a group (all, resident elsewhere, per visit type) are
/// counted once for both aggregates (<c>etl.claim_refresh_cards</c>): each distinct count of the 64-character
/// pseudonyms was the costliest part of its aggregate.
/// </summary>
/// <remarks>
/// A facility key names one facility code (<c>dw.dim_facility</c> keys a code once), so claims are grouped by key, and by
/// code only where the key is missing: grouping by the text as well cost a third more.
/// </remarks>
public sealed class ClaimAggregates(IWarehouseEngine engine)
{
    /// <summary>The group of a claim <c>c</c>: month, facility key, and the code where the key is missing.</summary>
    internal const string Group = "c.month_key, c.facility_key, CASE WHEN c.facility_key IS NULL THEN c.facility_code END";

    /// <summary>Joins claim <c>c</c> to the groups noted for file @id, limited to @months (the months' zone maps prune the scan).</summary>
    internal const string OfNotedGroups = """
        FROM dw.fct_claim c
        JOIN etl.claim_refresh_group g ON g.submission_id = @id AND g.month_key = c.month_key AND g.facility_code = c.facility_code
        """;

    /// <summary>Joins an aggregate <c>m</c> of a group to its distinct cards <c>k</c>.</summary>
    internal const string WithCards = """
        JOIN etl.claim_refresh_cards k ON k.submission_id = @id AND k.month_key = m.month_key AND k.facility_code = m.facility_code
          AND (k.facility_key = m.facility_key OR (k.facility_key IS NULL AND m.facility_key IS NULL))
        """;

    /// <summary>Notes the (month, facility) groups file @id changed — its kept claims' and the replaced versions' — once the versions are resolved.</summary>
    internal const string NoteGroupsSql = """
        INSERT INTO etl.claim_refresh_group (submission_id, month_key, facility_code)
        SELECT @id, month_key, facility_code FROM dw.fct_claim WHERE submission_id = @id
        UNION
        SELECT @id, month_key, facility_code FROM dw.fct_claim_version WHERE superseded_by = @id
        """;

    /// <summary>The groups noted for file @id (a SELECT of facility_code, with month_key).</summary>
    public const string TouchedGroupsSql = "SELECT month_key, facility_code FROM etl.claim_refresh_group WHERE submission_id = @id";

    /// <summary>Counts the distinct cards of each noted group: one row per group and card first, then per group.</summary>
    internal static readonly string CountCardsSql = $"""
        INSERT INTO etl.claim_refresh_cards (submission_id, month_key, facility_key, facility_code, cards, out_of_province_cards, exam_patients,
            outpatient_patients, inpatient_patients)
        SELECT @id, x.month_key, x.facility_key, min(x.facility_code), count(*), sum(x.out_of_province), sum(x.exam), sum(x.outpatient), sum(x.inpatient)
        FROM (SELECT c.month_key, c.facility_key, min(c.facility_code) AS facility_code,
                     max(CASE WHEN c.residence_province <> f.province_code THEN 1 ELSE 0 END) AS out_of_province,
                     max(CASE WHEN c.visit_type = 'exam' THEN 1 ELSE 0 END) AS exam,
                     max(CASE WHEN c.visit_type = 'outpatient' THEN 1 ELSE 0 END) AS outpatient,
                     max(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END) AS inpatient
              {OfNotedGroups}
              LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
              WHERE c.month_key IN @months
              GROUP BY {Group}, c.card_pseudonym) x
        GROUP BY x.month_key, x.facility_key, CASE WHEN x.facility_key IS NULL THEN x.facility_code END
        """;

    /// <summary>Deletes the rows of aggregate <paramref name="table"/> (keyed by month and facility code) of the groups noted for file @id (in @months).</summary>
    internal static string DeleteNotedGroupsSql(string table) => $"""
        DELETE FROM {table}
        WHERE month_key IN @months
          AND EXISTS (SELECT 1 FROM etl.claim_refresh_group g
                      WHERE g.submission_id = @id AND g.month_key = {table}.month_key
                        AND g.facility_code = {table}.facility_code)
        """;

    /// <summary>Deletes the monthly rows of the groups noted for file @id (in @months).</summary>
    internal static readonly string DeleteMonthlySql = DeleteNotedGroupsSql("dw.fct_claims_monthly");

    /// <summary>
    /// The monthly rows of the groups noted for file @id (in @months) from all their claims, with the patients of the row's
    /// visit type. The claims are grouped by facility key before the facility's province and tier are joined (one row per
    /// key): the distinct count of cards grouped by the joined columns as well took three times as long.
    /// </summary>
    internal static readonly string InsertMonthlySql = $"""
        INSERT INTO dw.fct_claims_monthly (month_key, province_code, facility_key, facility_code, facility_tier, visit_type, claims, patients, bed_days,
            total_cost, insurer_paid, drug_cost, supplies_cost, refreshed_at, services_cost, examination_cost, bed_day_cost, claims_with_details)
        SELECT m.month_key, f.province_code, m.facility_key, m.facility_code, f.tier, m.visit_type, m.claims,
               CASE m.visit_type WHEN 'exam' THEN k.exam_patients WHEN 'outpatient' THEN k.outpatient_patients ELSE k.inpatient_patients END,
               m.bed_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost, @now, m.services_cost, m.examination_cost, m.bed_day_cost,
               m.claims_with_details
        FROM (SELECT c.month_key, c.facility_key, min(c.facility_code) AS facility_code, c.visit_type, count(*) AS claims,
                     coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0) AS bed_days, sum(c.total_cost) AS total_cost,
                     coalesce(sum(c.insurer_paid), 0) AS insurer_paid, coalesce(sum(c.drug_cost), 0) AS drug_cost,
                     coalesce(sum(c.supplies_cost), 0) AS supplies_cost, coalesce(sum(d.services), 0) AS services_cost,
                     coalesce(sum(d.examination), 0) AS examination_cost, coalesce(sum(d.bed_days), 0) AS bed_day_cost,
                     count(d.claim_key) AS claims_with_details
              {OfNotedGroups}
              LEFT JOIN (SELECT dl.claim_key, sum(CASE WHEN dl.category = 'services' THEN dl.amount END) AS services,
                                sum(CASE WHEN dl.category = 'examination' THEN dl.amount END) AS examination,
                                sum(CASE WHEN dl.category = 'bed_day' THEN dl.amount END) AS bed_days
                         FROM dw.fct_claim_detail dl
                         JOIN etl.claim_refresh_group gd ON gd.submission_id = @id AND gd.month_key = dl.month_key AND gd.facility_code = dl.facility_code
                         WHERE dl.month_key IN @months
                         GROUP BY dl.claim_key) d ON d.claim_key = c.claim_key
              WHERE c.month_key IN @months
              GROUP BY {Group}, c.visit_type) m
        {WithCards}
        LEFT JOIN dw.dim_facility f ON f.facility_key = m.facility_key
        """;

    /// <summary>
    /// Notes the groups file <paramref name="id"/> touched, counts their cards and rebuilds them in both aggregates; returns
    /// the months they lie in. The noted groups serve the indicators too; <see cref="ForgetAsync"/> removes the work rows.
    /// </summary>
    public async Task<IReadOnlyList<int>> RefreshAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, NoteGroupsSql, new { id }, ct);
        var months = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(
                "SELECT DISTINCT month_key FROM etl.claim_refresh_group WHERE submission_id = @id ORDER BY month_key"), new { id }, transaction,
                cancellationToken: ct, commandTimeout: 0))).ToList();
        if (months.Count == 0) return months;
        var args = new { id, months, now = DateTime.UtcNow };
        await ExecuteAsync(connection, transaction, CountCardsSql, args, ct);
        await ExecuteAsync(connection, transaction, DeleteMonthlySql, args, ct);
        await ExecuteAsync(connection, transaction, InsertMonthlySql, args, ct);
        await ExecuteAsync(connection, transaction, FacilityMonthStore.DeleteSql, args, ct);
        await ExecuteAsync(connection, transaction, FacilityMonthStore.InsertSql(engine), args, ct);
        return months;
    }

    /// <summary>Empties the work rows of file <paramref name="id"/>.</summary>
    public async Task ForgetAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM etl.claim_refresh_cards WHERE submission_id = @id", new { id }, ct);
        await ExecuteAsync(connection, transaction, "DELETE FROM etl.claim_refresh_group WHERE submission_id = @id", new { id }, ct);
    }

    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(sql), parameters, transaction, cancellationToken: ct, commandTimeout: 0));
}

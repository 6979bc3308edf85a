using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// <c>dw.fct_facility_month</c> (sql/*/0012_facility_profile.sql, 0017_facility_typical_cost.sql): one row per facility and month of discharge over all
/// visit types, with the distinct cards and the distinct cards resident outside the facility's province. The claims
/// loader rebuilds the facility-months a claims file touched (<see cref="Loading.ClaimAggregates"/>); the facility detector reads it with the facility's tier and ownership.
/// </summary>
public static class FacilityMonthStore
{
    /// <summary>Deletes the profile rows of the groups the claims loader noted for file @id (in @months; <see cref="Loading.ClaimAggregates"/>).</summary>
    public static readonly string DeleteSql = Loading.ClaimAggregates.DeleteNotedGroupsSql("dw.fct_facility_month");

    /// <summary>
    /// The profile rows of the groups the loader noted for file @id (in @months) from all their claims, with the distinct
    /// cards it counted for them: a row is a function of its facility-month's claims alone, so the others stay as they are.
    /// </summary>
    public static string InsertSql(IWarehouseEngine engine)
    {
        var ln = engine.NaturalLog("CAST(c.total_cost AS DOUBLE PRECISION)");
        const string Outpatient = "c.visit_type <> 'inpatient' AND c.total_cost > 0";
        const string Inpatient = "c.visit_type = 'inpatient' AND c.total_cost > 0";
        return $"""
            INSERT INTO dw.fct_facility_month (month_key, facility_key, facility_code, claims, cards, out_of_province_cards, inpatient,
                inpatient_days, total_cost, inpatient_cost, outpatient_cost_squares, inpatient_cost_squares, insurer_paid, drug_cost, supplies_cost, refreshed_at,
                outpatient_costed, outpatient_log_cost, outpatient_log_squares, inpatient_costed, inpatient_log_cost, inpatient_log_squares)
            SELECT m.month_key, m.facility_key, m.facility_code, m.claims, k.cards, k.out_of_province_cards, m.inpatient, m.inpatient_days,
                   m.total_cost, m.inpatient_cost, m.outpatient_cost_squares, m.inpatient_cost_squares, m.insurer_paid, m.drug_cost, m.supplies_cost, @now,
                   m.outpatient_costed, m.outpatient_log_cost, m.outpatient_log_squares, m.inpatient_costed, m.inpatient_log_cost, m.inpatient_log_squares
            FROM (SELECT c.month_key, c.facility_key, min(c.facility_code) AS facility_code, count(*) AS claims,
                         sum(CASE WHEN c.visit_type = 'inpatient' THEN CAST(1 AS BIGINT) ELSE 0 END) AS inpatient,
                         coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.length_of_stay AS BIGINT) END), 0) AS inpatient_days,
                         sum(c.total_cost) AS total_cost, coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0) AS inpatient_cost,
                         sum(CASE WHEN c.visit_type <> 'inpatient' THEN CAST(c.total_cost AS DOUBLE PRECISION) * CAST(c.total_cost AS DOUBLE PRECISION) ELSE 0 END) AS outpatient_cost_squares,
                         sum(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.total_cost AS DOUBLE PRECISION) * CAST(c.total_cost AS DOUBLE PRECISION) ELSE 0 END) AS inpatient_cost_squares,
                         coalesce(sum(c.insurer_paid), 0) AS insurer_paid, coalesce(sum(c.drug_cost), 0) AS drug_cost, coalesce(sum(c.supplies_cost), 0) AS supplies_cost,
                         sum(CASE WHEN {Outpatient} THEN CAST(1 AS BIGINT) ELSE 0 END) AS outpatient_costed,
                         coalesce(sum(CASE WHEN {Outpatient} THEN {ln} END), 0) AS outpatient_log_cost,
                         coalesce(sum(CASE WHEN {Outpatient} THEN {ln} * {ln} END), 0) AS outpatient_log_squares,
                         sum(CASE WHEN {Inpatient} THEN CAST(1 AS BIGINT) ELSE 0 END) AS inpatient_costed,
                         coalesce(sum(CASE WHEN {Inpatient} THEN {ln} END), 0) AS inpatient_log_cost,
                         coalesce(sum(CASE WHEN {Inpatient} THEN {ln} * {ln} END), 0) AS inpatient_log_squares
                  {Loading.ClaimAggregates.OfNotedGroups}
                  WHERE c.month_key IN @months
                  GROUP BY {Loading.ClaimAggregates.Group}) m
            {Loading.ClaimAggregates.WithCards}
            """;
    }

    private const string ProfileSql = """
        SELECT m.facility_code, f.name AS facility_name, f.tier, f.ownership, f.unit_code,
               p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end,
               CAST(m.claims AS DOUBLE PRECISION) AS claims, CAST(m.cards AS DOUBLE PRECISION) AS cards,
               CAST(m.out_of_province_cards AS DOUBLE PRECISION) AS out_of_province_cards,
               CAST(m.inpatient AS DOUBLE PRECISION) AS inpatient, CAST(m.inpatient_days AS DOUBLE PRECISION) AS inpatient_days,
               CAST(m.total_cost AS DOUBLE PRECISION) AS total_cost, CAST(m.inpatient_cost AS DOUBLE PRECISION) AS inpatient_cost, m.outpatient_cost_squares, m.inpatient_cost_squares, CAST(m.insurer_paid AS DOUBLE PRECISION) AS insurer_paid,
               CAST(m.drug_cost AS DOUBLE PRECISION) AS drug_cost, CAST(m.supplies_cost AS DOUBLE PRECISION) AS supplies_cost,
               CAST(m.outpatient_costed AS DOUBLE PRECISION) AS outpatient_costed, m.outpatient_log_cost, m.outpatient_log_squares,
               CAST(m.inpatient_costed AS DOUBLE PRECISION) AS inpatient_costed, m.inpatient_log_cost, m.inpatient_log_squares
        FROM dw.fct_facility_month m
        JOIN dw.dim_facility f ON f.facility_code = m.facility_code
        JOIN dw.dim_period p ON p.period_key = m.month_key
        ORDER BY m.facility_code, p.start_date
        """;

    /// <summary>
    /// Every facility-month profile, with the facility's name, tier, ownership and unit and the month's dates, in a fixed
    /// order (the model samples its training months by position: the same warehouse gives the same scores).
    /// </summary>
    public static async Task<IReadOnlyList<FacilityMonth>> LoadAsync(IWarehouseEngine engine, DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<FacilityMonth>(new CommandDefinition(engine.Sql(ProfileSql), commandTimeout: 3600, cancellationToken: ct))).ToList();
}

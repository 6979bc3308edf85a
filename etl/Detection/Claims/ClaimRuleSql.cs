using System.Globalization;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// The SQL of the claim rules, in one place, engine-agnostic: the engine supplies only its dialect pieces
/// (<see cref="IWarehouseEngine.DaysBetween"/>, <see cref="IWarehouseEngine.NaturalLog"/>,
/// <see cref="IWarehouseEngine.CompactKey"/>). <c>@from</c>/<c>@to</c> (first days of months) restrict the months examined
/// where a query takes a <see cref="Months"/>.
/// </summary>
internal static class ClaimRuleSql
{
    /// <summary>The months a detection examines: whether it has a first and a last.</summary>
    public sealed record Months(bool From, bool To)
    {
        /// <summary>The filter on a claim joined to <c>dw.dim_period</c> as <paramref name="period"/>.</summary>
        public string On(string period) =>
            (From ? $" AND {period}.start_date >= @from" : "") + (To ? $" AND {period}.start_date <= @to" : "");
    }

    public const string ClaimColumns = """
        c.claim_id, c.card_pseudonym, c.facility_code, f.unit_code, c.visit_type, c.admitted_at, c.discharged_at,
        c.length_of_stay, c.total_cost, p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end
        """;

    public const string ClaimJoins = """
        LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        JOIN dw.dim_period p ON p.period_key = c.month_key
        """;

    /// <summary>
    /// One pass over all claims ordered by card and admission day (see <see cref="CardPass"/>): the claims that are
    /// candidates for a card rule, with which. <paramref name="visitsBack"/> is the least visits a month that can flag a
    /// card, minus one (a literal: DuckDB wants a constant offset for LAG).
    /// </summary>
    public static string CardCandidates(IWarehouseEngine engine, int visitsBack)
    {
        const string ByDay = "PARTITION BY card ORDER BY day_in";
        const string SameDay = "(visit_facility IS NOT NULL AND first_facility <> last_facility)";
        const string Overlaps = "(stay_in IS NOT NULL AND (earlier_out > stay_in OR later_in < stay_out))";
        const string DenseMonth = "(YEAR(visit_back) = YEAR(day_in) AND MONTH(visit_back) = MONTH(day_in))";
        var back = Math.Max(1, visitsBack).ToString(CultureInfo.InvariantCulture);
        // Each window works on a plain column (the facility of an exam/outpatient visit, the dates of a stay) that is
        // NULL where the claim is not of that sort, so the aggregates skip it.
        return $"""
            WITH v AS (
                SELECT claim_key, {engine.CompactKey("card_pseudonym")} AS card, CAST(admitted_at AS DATE) AS day_in,
                       CASE WHEN visit_type <> 'inpatient' THEN {engine.CompactKey("facility_code")} END AS visit_facility,
                       CASE WHEN visit_type = 'inpatient' AND discharged_at IS NOT NULL THEN CAST(admitted_at AS DATE) END AS stay_in,
                       CASE WHEN visit_type = 'inpatient' AND discharged_at IS NOT NULL THEN CAST(discharged_at AS DATE) END AS stay_out
                FROM dw.fct_claim
            ), w AS (
                SELECT claim_key, day_in, visit_facility, stay_in, stay_out,
                       MIN(visit_facility) OVER ({ByDay} RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS first_facility,
                       MAX(visit_facility) OVER ({ByDay} RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS last_facility,
                       MAX(stay_out) OVER ({ByDay} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_out,
                       MIN(stay_in) OVER ({ByDay} ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_in,
                       LAG(day_in, {back}) OVER ({ByDay}) AS visit_back
                FROM v
            ), x AS (
                SELECT claim_key,
                       CASE WHEN {SameDay} THEN 1 ELSE 0 END AS same_day_elsewhere,
                       CASE WHEN {Overlaps} THEN 1 ELSE 0 END AS stay_overlaps,
                       CASE WHEN {DenseMonth} THEN 1 ELSE 0 END AS dense_month
                FROM w
                WHERE {SameDay} OR {Overlaps} OR {DenseMonth}
            )
            SELECT {ClaimColumns}, x.same_day_elsewhere, x.stay_overlaps, x.dense_month
            FROM x
            JOIN dw.fct_claim c ON c.claim_key = x.claim_key
            {ClaimJoins}
            """;
    }

    /// <summary>Visits of the cards <c>@cards</c> (pseudonyms) per facility and month of admission.</summary>
    public const string CardMonthVisits = """
        SELECT c.card_pseudonym, c.facility_code, f.unit_code, YEAR(c.admitted_at) AS visit_year, MONTH(c.admitted_at) AS visit_month,
               COUNT(*) AS visits
        FROM dw.fct_claim c LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        WHERE c.card_pseudonym IN @cards
        GROUP BY c.card_pseudonym, c.facility_code, f.unit_code, YEAR(c.admitted_at), MONTH(c.admitted_at)
        """;

    /// <summary>Inpatient claims whose length of stay is at least <c>@minExcess</c> days outside both counting conventions.</summary>
    public static string StayLength(IWarehouseEngine engine, Months months)
    {
        var days = engine.DaysBetween("CAST(c.admitted_at AS DATE)", "CAST(c.discharged_at AS DATE)");
        return $"""
            SELECT {ClaimColumns}, {days} AS span_days
            FROM dw.fct_claim c
            {ClaimJoins}
            WHERE c.visit_type = 'inpatient' AND c.discharged_at IS NOT NULL AND c.length_of_stay IS NOT NULL{months.On("p")}
              AND (c.length_of_stay - ({days} + 1) >= @minExcess OR {days} - c.length_of_stay >= @minExcess)
            """;
    }

    /// <summary>
    /// What a claim's cost is compared on: an inpatient stay of several days by its cost per treatment day (a stay is
    /// priced by the day: a long stay is dear, not anomalous), every other claim by its total cost.
    /// </summary>
    public static readonly string CostBasis = CostBasisOf("c");

    /// <summary><see cref="CostBasis"/> of the claim table aliased <paramref name="claim"/>.</summary>
    private static string CostBasisOf(string claim) =>
        $"(CASE WHEN {claim}.visit_type = 'inpatient' AND {claim}.length_of_stay > 1 THEN {claim}.total_cost / {claim}.length_of_stay ELSE {claim}.total_cost END)";

    /// <summary>
    /// Per tier × visit type: peers, the median cost basis (<see cref="CostBasis"/>: the least in the median bin) and the
    /// median absolute deviation of its logarithm, from a histogram of ln(basis) at 0.001 (see <see cref="CostPeers"/>).
    /// </summary>
    public static string CostPeerStatistics(IWarehouseEngine engine, Months months)
    {
        var bin = $"ROUND({engine.NaturalLog($"CAST({CostBasis} AS FLOAT)")}, 3)";
        const string Below = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
        return $"""
            WITH h AS (
                SELECT f.tier, c.visit_type, {bin} AS bin, COUNT(*) AS n, MIN({CostBasis}) AS low
                FROM dw.fct_claim c
                JOIN dw.dim_facility f ON f.facility_code = c.facility_code
                JOIN dw.dim_period p ON p.period_key = c.month_key
                WHERE c.total_cost > 0{months.On("p")}
                GROUP BY f.tier, c.visit_type, {bin}
            ), hc AS (
                SELECT tier, visit_type, bin,
                       SUM(n) OVER (PARTITION BY tier, visit_type ORDER BY bin {Below}) AS below,
                       SUM(n) OVER (PARTITION BY tier, visit_type) AS peers
                FROM h
            ), m AS (
                SELECT tier, visit_type, MIN(peers) AS peers, MIN(bin) AS med_lc FROM hc WHERE 2 * below >= peers GROUP BY tier, visit_type
            ), d AS (
                SELECT h.tier, h.visit_type, ABS(h.bin - m.med_lc) AS dev, SUM(h.n) AS n
                FROM h JOIN m ON m.tier = h.tier AND m.visit_type = h.visit_type
                GROUP BY h.tier, h.visit_type, ABS(h.bin - m.med_lc)
            ), dc AS (
                SELECT tier, visit_type, dev,
                       SUM(n) OVER (PARTITION BY tier, visit_type ORDER BY dev {Below}) AS below,
                       SUM(n) OVER (PARTITION BY tier, visit_type) AS peers
                FROM d
            ), s AS (
                SELECT tier, visit_type, MIN(dev) AS mad FROM dc WHERE 2 * below >= peers GROUP BY tier, visit_type
            )
            SELECT m.tier, m.visit_type, m.peers, h.low AS med_cost, s.mad
            FROM m
            JOIN s ON s.tier = m.tier AND s.visit_type = m.visit_type
            JOIN h ON h.tier = m.tier AND h.visit_type = m.visit_type AND h.bin = m.med_lc
            """;
    }

    /// <summary>
    /// Claims whose cost basis is at or above their group's cut (<paramref name="groups"/> rows of parameters
    /// <c>@tierN, @typeN, @cutN</c>), each with what its own facility bills for the same visit type: the count and the sum of
    /// ln(cost basis) of its claims in the same month (<c>month_n</c>, <c>month_ln</c>) and in every month (<c>all_n</c>,
    /// <c>all_ln</c>), the claim itself included (<see cref="CostPeers.OwnTypical"/> leaves it out). A claim is judged against its
    /// own facility too, so that a facility whose whole month is dearer (a facility cost jump, a kind of its own) does not
    /// turn its ordinary claims into claim outliers.
    /// </summary>
    public static string CostBeyondCut(IWarehouseEngine engine, int groups, Months months)
    {
        var values = string.Join(", ", Enumerable.Range(0, groups)
            .Select(i => $"(CAST(@tier{i} AS INTEGER), CAST(@type{i} AS VARCHAR(12)), CAST(@cut{i} AS DECIMAL(18, 2)))"));
        var ln = engine.NaturalLog($"CAST({CostBasisOf("o")} AS FLOAT)");
        return $"""
            WITH hit AS (
                SELECT {ClaimColumns}, f.tier, {CostBasis} AS cost_basis, c.month_key
                FROM dw.fct_claim c
                {ClaimJoins}
                JOIN (VALUES {values}) AS g (tier, visit_type, cut) ON g.tier = f.tier AND g.visit_type = c.visit_type
                WHERE {CostBasis} >= g.cut{months.On("p")}
            ), own AS (
                SELECT o.facility_code, o.month_key, o.visit_type, COUNT(*) AS month_n, SUM({ln}) AS month_ln
                FROM dw.fct_claim o
                JOIN (SELECT DISTINCT facility_code, visit_type FROM hit) k ON k.facility_code = o.facility_code AND k.visit_type = o.visit_type
                WHERE o.total_cost > 0
                GROUP BY o.facility_code, o.month_key, o.visit_type
            ), own_all AS (
                SELECT facility_code, visit_type, SUM(month_n) AS all_n, SUM(month_ln) AS all_ln FROM own GROUP BY facility_code, visit_type
            )
            SELECT hit.*, own.month_n, own.month_ln, own_all.all_n, own_all.all_ln
            FROM hit
            JOIN own ON own.facility_code = hit.facility_code AND own.month_key = hit.month_key AND own.visit_type = hit.visit_type
            JOIN own_all ON own_all.facility_code = hit.facility_code AND own_all.visit_type = hit.visit_type
            """;
    }
}

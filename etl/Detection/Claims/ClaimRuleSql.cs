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

    /// <summary>The claim's length-of-stay band (<see cref="StayBand"/>: its first day count) as a SQL expression.</summary>
    public static readonly string CostBand = StayBand.Sql("c.length_of_stay");

    /// <summary>ln(<see cref="CostBasis"/>) in the engine's dialect.</summary>
    private static string LogBasis(IWarehouseEngine engine) => engine.NaturalLog($"CAST({CostBasis} AS FLOAT)");

    /// <summary>
    /// Per tier × visit type × length-of-stay band and ln(cost basis) rounded to 0.001 (costs within 0.1 % share a bin): the
    /// claims in the bin and the least cost basis among them. The medians and the spreads of every cell and of every
    /// tier × visit type come exactly, at that resolution, from these counts (<see cref="CostCells"/>) — an aggregate,
    /// never a windowed percentile over millions of claims, and the same SQL on both engines.
    /// </summary>
    public static string CostHistogram(IWarehouseEngine engine, Months months) => $"""
        SELECT f.tier, c.visit_type, {CostBand} AS band, ROUND({LogBasis(engine)}, 3) AS bin, COUNT(*) AS n, MIN({CostBasis}) AS low
        FROM dw.fct_claim c
        JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        JOIN dw.dim_period p ON p.period_key = c.month_key
        WHERE c.total_cost > 0{months.On("p")}
        GROUP BY f.tier, c.visit_type, {CostBand}, ROUND({LogBasis(engine)}, 3)
        """;

    /// <summary>
    /// Per facility, visit type and month: the claims and the sum and sum of squares of their residuals — ln(cost basis)
    /// minus the median ln(cost basis) of the claim's cell, held within ± the cell's cap (<paramref name="cells"/> rows of
    /// parameters <c>@tierN, @typeN, @bandN, @medN, @capN</c>). What a facility usually bills for a claim like this one,
    /// and how far its own claims usually stray from that (<see cref="OwnCosts"/>, the facilities' case-mix cost index).
    /// The cap (<see cref="CostCells.ResidualCap"/> spreads) keeps one extreme claim — a claim outlier, a kind of its own —
    /// from moving a small facility's month: winsorised there, ordinary claims are untouched. Every month: a claim's own
    /// baseline may be its facility's other months.
    /// </summary>
    public static string CostResiduals(IWarehouseEngine engine, int cells)
    {
        var values = string.Join(", ", Enumerable.Range(0, cells)
            .Select(i => $"(CAST(@tier{i} AS INTEGER), CAST(@type{i} AS VARCHAR(12)), CAST(@band{i} AS INTEGER), CAST(@med{i} AS FLOAT), CAST(@cap{i} AS FLOAT))"));
        return $"""
            WITH d AS (
                SELECT c.facility_code, f.tier, c.visit_type, c.month_key, {LogBasis(engine)} - g.med AS d, g.cap
                FROM dw.fct_claim c
                JOIN dw.dim_facility f ON f.facility_code = c.facility_code
                JOIN (VALUES {values}) AS g (tier, visit_type, band, med, cap) ON g.tier = f.tier AND g.visit_type = c.visit_type AND g.band = {CostBand}
                WHERE c.total_cost > 0
            ), r AS (
                SELECT facility_code, tier, visit_type, month_key, CASE WHEN d > cap THEN cap WHEN d < -cap THEN -cap ELSE d END AS r FROM d
            )
            SELECT facility_code, tier, visit_type, month_key, COUNT(*) AS n, SUM(r) AS s, SUM(r * r) AS ss
            FROM r
            GROUP BY facility_code, tier, visit_type, month_key
            """;
    }

    /// <summary>
    /// Claims whose cost basis is at or above their cell's cut (<paramref name="cells"/> rows of parameters
    /// <c>@tierN, @typeN, @bandN, @cutN</c>), with their tier, band, cost basis and month key.
    /// </summary>
    public static string CostBeyondCut(int cells, Months months)
    {
        var values = string.Join(", ", Enumerable.Range(0, cells)
            .Select(i => $"(CAST(@tier{i} AS INTEGER), CAST(@type{i} AS VARCHAR(12)), CAST(@band{i} AS INTEGER), CAST(@cut{i} AS DECIMAL(18, 2)))"));
        return $"""
            SELECT {ClaimColumns}, f.tier, {CostBand} AS band, {CostBasis} AS cost_basis, c.month_key
            FROM dw.fct_claim c
            {ClaimJoins}
            JOIN (VALUES {values}) AS g (tier, visit_type, band, cut) ON g.tier = f.tier AND g.visit_type = c.visit_type AND g.band = {CostBand}
            WHERE c.total_cost > 0 AND {CostBasis} >= g.cut{months.On("p")}
            """;
    }
}

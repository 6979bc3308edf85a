using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Queries;

/// <summary>
/// What the *Bất thường* page draws beside a flagged anomaly: the subject's series as the warehouse stores it (a unit's or
/// a province's figures from <c>rpt.indicator_values</c>, a facility's monthly measure from <c>rpt.facility_months</c> with
/// its same-tier peers' quartiles), or the facts of a flagged claim and the claims of the same card beside it.
/// Every value is parameterised; the SQL texts are public so tests parse them as T-SQL as well as run them on DuckDB.
/// A caller limited to a scope (<see cref="IUnitAccessSource"/>) reads the series of units and facilities in it only, and of
/// claims only those sent by facilities in it (peers' quartiles stay: they are statistics of a tier, not another unit's rows).
/// </summary>
public sealed class AnomalySeriesQueries(ReportingDb db, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    public const int ClaimLimit = 100;

    /// <summary>A facility-month measure over <c>rpt.facility_months</c>, by the code the facility-profile detector files it under.</summary>
    public static readonly IReadOnlyDictionary<string, string> FacilityMeasures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["outpatient_typical_cost"] = "m.outpatient_typical_cost",
        ["inpatient_typical_cost"] = "m.inpatient_typical_cost",
        ["outpatient_cost"] = "m.outpatient_mean_cost",
        ["inpatient_cost"] = "m.inpatient_mean_cost",
        ["cost_per_claim"] = Ratio("m.total_cost", "m.claims"),
        ["paid_per_claim"] = Ratio("m.insurer_paid", "m.claims"),
        ["drug_share"] = Ratio("m.drug_cost", "m.total_cost"),
        ["supplies_share"] = Ratio("m.supplies_cost", "m.total_cost"),
        ["inpatient_share"] = Ratio("m.inpatient_stays", "m.claims"),
        ["mean_los"] = Ratio("m.inpatient_days", "m.inpatient_stays"),
        ["visits_per_card"] = Ratio("m.claims", "m.cards"),
        ["out_of_province_share"] = Ratio("m.out_of_province_cards", "m.cards"),
        ["cards"] = "m.cards",
        ["claims"] = "m.claims",
    };

    // The numerator is cast first: SQL Server divides integers as integers.
    private static string Ratio(string numerator, string denominator) => $"CAST({numerator} AS DOUBLE PRECISION) / NULLIF({denominator}, 0)";

    /// <summary>
    /// The current values of some indicators for one unit in one boundary set, in every period kind, oldest first, with the
    /// indicator's Vietnamese name and whether the actual value is a pre-2025 figure mapped onto a 2025 unit (source_ref
    /// <c>map2025…</c>: the detectors never compare it with a figure reported for the unit itself).
    /// </summary>
    public static string UnitSeriesSql(string indicatorList) => $"""
        SELECT v.indicator_code, MIN(i.name_vi), v.period_label, v.period_start, v.period_end, v.period_kind,
               MAX(CASE WHEN v.value_kind = 'actual' THEN v.value END) AS actual,
               MAX(CASE WHEN v.value_kind = 'target' THEN v.value END) AS target,
               MAX(CASE WHEN v.value_kind = 'actual' AND v.source_ref LIKE 'map2025%' THEN 1 ELSE 0 END) AS mapped
        FROM rpt.indicator_values v
        LEFT JOIN rpt.indicators i ON i.code = v.indicator_code
        WHERE v.unit_code = @unit AND v.boundary_set IN (@boundarySet, 'national') AND v.indicator_code IN ({indicatorList})
        GROUP BY v.indicator_code, v.period_label, v.period_start, v.period_end, v.period_kind
        ORDER BY v.period_start, v.period_end, v.indicator_code
        """;

    /// <summary>
    /// The current values (actual and target) of <paramref name="indicators"/> for one unit in one boundary set, as stored
    /// (reported or derived by the warehouse), per period of every kind, oldest first.
    /// </summary>
    public async Task<List<AnomalySeriesPoint>> UnitSeriesAsync(string unitCode, string boundarySet, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (!scope.Allows(unitCode == Reference.BoundarySets.CountryCode ? Reference.BoundarySets.National : boundarySet, unitCode)) return [];
        var parameters = new Dapper.DynamicParameters(new { unit = unitCode, boundarySet });
        return await db.QueryAsync(UnitSeriesSql(SqlList.Add(parameters, "i", indicators)), parameters,
            r => new AnomalySeriesPoint(r.GetString(0), r.GetString(2), ReportingDb.Date(r, 3), ReportingDb.Date(r, 4), r.GetString(5),
                ReportingDb.NullableNumber(r, 6), ReportingDb.NullableNumber(r, 7))
            {
                IndicatorName = ReportingDb.Text(r, 1), IsMapped = ReportingDb.Integer(r, 8) == 1,
            }, ct);
    }

    /// <summary>
    /// The facility-month measure and, per month, the quartiles of the same measure over the facilities of the same tier
    /// (from <c>rpt.facility_months</c>) and ownership, excluding the facility itself and months below
    /// <c>@minClaims</c> claims (the detector does not compare those either). The quartiles are PERCENTILE_CONT's
    /// (linear interpolation between ranks) written with ROW_NUMBER: DuckDB has no windowed WITHIN GROUP and SQL Server no
    /// ordered-set aggregate, and this form means the same on both.
    /// </summary>
    public static string FacilityBandSql(string measure) => $"""
        WITH months AS (
            SELECT m.month, m.facility_code, m.facility_tier AS tier, m.ownership, m.claims, CAST({FacilityMeasures[measure]} AS DOUBLE PRECISION) AS v
            FROM rpt.facility_months m
        ), own AS (
            SELECT month, tier, ownership, v FROM months WHERE facility_code = @facility
        ), peers AS (
            SELECT p.month, p.v,
                   CAST(ROW_NUMBER() OVER (PARTITION BY p.month ORDER BY p.v) - 1 AS DOUBLE PRECISION) AS r,
                   CAST(COUNT(*) OVER (PARTITION BY p.month) AS DOUBLE PRECISION) AS n
            FROM months p
            JOIN own o ON o.month = p.month AND o.tier = p.tier AND o.ownership = p.ownership
            WHERE p.facility_code <> @facility AND p.claims >= @minClaims AND p.v IS NOT NULL
        ), quartiles AS (
            SELECT month, {Quantile(0.25)} AS q1, {Quantile(0.5)} AS q2, {Quantile(0.75)} AS q3, MIN(n) AS n
            FROM peers GROUP BY month
        )
        SELECT o.month, o.v, q.q1, q.q2, q.q3, COALESCE(q.n, 0)
        FROM own o
        LEFT JOIN quartiles q ON q.month = o.month
        ORDER BY o.month
        """;

    /// <summary>PERCENTILE_CONT(<paramref name="p"/>) over ranked rows (r from 0, n rows): the two values around rank p·(n−1), weighted.</summary>
    private static string Quantile(double p)
    {
        var rank = $"({p.ToString(System.Globalization.CultureInfo.InvariantCulture)} * (n - 1))";
        return $"SUM(CASE WHEN r = FLOOR({rank}) THEN v * (1 - ({rank} - FLOOR({rank}))) WHEN r = FLOOR({rank}) + 1 THEN v * ({rank} - FLOOR({rank})) ELSE 0 END)";
    }

    /// <summary>A facility's monthly <paramref name="measure"/> (a key of <see cref="FacilityMeasures"/>) with its peers' quartiles, oldest first.</summary>
    public async Task<List<PeerBandPoint>> FacilityBandAsync(string facilityCode, string measure, int minClaims, CancellationToken ct)
    {
        if (!FacilityMeasures.ContainsKey(measure)) throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a facility-month measure.");
        if (!(await InScopeAsync([facilityCode], ct)).Contains(facilityCode)) return [];
        return await db.QueryAsync(FacilityBandSql(measure), new { facility = facilityCode, minClaims },
            r => new PeerBandPoint(ReportingDb.Date(r, 0), ReportingDb.NullableNumber(r, 1), ReportingDb.NullableNumber(r, 2),
                ReportingDb.NullableNumber(r, 3), ReportingDb.NullableNumber(r, 4), (int)ReportingDb.Integer(r, 5)), ct);
    }

    private const string ClaimColumns = """
        c.claim_id, c.facility_code, f.name, c.visit_type, c.admitted_at, c.discharged_at, c.length_of_stay,
        CAST(c.total_cost AS DOUBLE PRECISION), CAST(c.insurer_paid AS DOUBLE PRECISION)
        """;

    /// <summary>
    /// The flagged claim and every claim of the same card whose stay shares a day with it (the other visit of the same
    /// day, the overlapping stay): the counterparts a claim-level rule compares.
    /// </summary>
    public string ClaimWithCounterpartsSql => $"""
        SELECT {ClaimColumns}
        FROM dw.fct_claim x
        JOIN dw.fct_claim c ON c.card_pseudonym = x.card_pseudonym
        LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        WHERE x.claim_id = @claim
          AND (c.claim_id = @claim
               OR (CAST(c.admitted_at AS DATE) <= CAST(COALESCE(x.discharged_at, x.admitted_at) AS DATE)
                   AND CAST(COALESCE(c.discharged_at, c.admitted_at) AS DATE) >= CAST(x.admitted_at AS DATE)))
        ORDER BY c.admitted_at, c.claim_id {db.Limit(ClaimLimit)}
        """;

    /// <summary>The claims of one card (by pseudonym) in the month <c>@month</c> (month of discharge, as the claims are filed).</summary>
    public string CardMonthSql => $"""
        SELECT {ClaimColumns}
        FROM dw.fct_claim c
        JOIN dw.dim_period p ON p.period_key = c.month_key
        LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        WHERE c.card_pseudonym = @card AND p.start_date = @month
        ORDER BY c.admitted_at, c.claim_id {db.Limit(ClaimLimit)}
        """;

    /// <summary>The flagged claim (marked) and its counterparts, oldest admission first.</summary>
    public async Task<List<ClaimFact>> ClaimWithCounterpartsAsync(string claimId, CancellationToken ct) =>
        await InScopeAsync(await db.QueryAsync(ClaimWithCounterpartsSql, new { claim = claimId }, r => Claim(r, flagged: claimId), ct), ct);

    /// <summary>Every claim of the card in the flagged month (at most <see cref="ClaimLimit"/>).</summary>
    public async Task<List<ClaimFact>> CardMonthAsync(string cardPseudonym, DateTime month, CancellationToken ct) =>
        await InScopeAsync(await db.QueryAsync(CardMonthSql, new { card = cardPseudonym, month = month.Date }, r => Claim(r, flagged: null), ct), ct);

    /// <summary>The claims sent by facilities in the caller's scope.</summary>
    private async Task<List<ClaimFact>> InScopeAsync(List<ClaimFact> claims, CancellationToken ct)
    {
        if ((await _access.CurrentAsync(ct)).IsCountry) return claims;
        var allowed = await InScopeAsync(claims.Select(c => c.FacilityCode).Distinct().ToList(), ct);
        return claims.Where(c => allowed.Contains(c.FacilityCode)).ToList();
    }

    /// <summary>Which of <paramref name="facilityCodes"/> stand in a unit of the caller's scope (<c>dw.dim_facility</c>'s unit, by code and set).</summary>
    private async Task<HashSet<string>> InScopeAsync(IReadOnlyList<string> facilityCodes, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (scope.IsCountry) return facilityCodes.ToHashSet(StringComparer.Ordinal);
        if (facilityCodes.Count == 0) return [];
        var parameters = new Dapper.DynamicParameters();
        var codes = SqlList.Add(parameters, "f", facilityCodes);
        var units = await db.QueryAsync($"""
            SELECT f.facility_code, u.boundary_set, u.unit_code
            FROM dw.dim_facility f JOIN dw.dim_unit u ON u.unit_key = f.unit_key
            WHERE f.facility_code IN ({codes})
            """, parameters, r => (Code: r.GetString(0), Set: r.GetString(1), Unit: r.GetString(2)), ct);
        return units.Where(u => scope.Allows(u.Set, u.Unit)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
    }

    private static ClaimFact Claim(System.Data.Common.DbDataReader r, string? flagged) => new(r.GetString(0), r.GetString(1), ReportingDb.Text(r, 2),
        r.GetString(3), ReportingDb.Date(r, 4), ReportingDb.NullableDate(r, 5), r.IsDBNull(6) ? null : (int)ReportingDb.Integer(r, 6),
        ReportingDb.Number(r, 7), ReportingDb.NullableNumber(r, 8), flagged is not null && r.GetString(0) == flagged);
}

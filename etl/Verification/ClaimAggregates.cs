namespace Bhyt.Etl.Verification;

/// <summary>
/// The tables built from the claims equal what <c>dw.fct_claim</c> gives now: <c>dw.fct_claims_monthly</c> per month ×
/// facility × visit type (claims, patients, bed days, costs) and <c>dw.fct_facility_month</c> per month × facility (claims,
/// inpatient stays and days, costs). A group on one side only, or any measure that differs, is a finding.
/// </summary>
public sealed class ClaimAggregates : IVerificationFamily
{
    public const string MonthlyMismatch = "verify.claims_monthly.mismatch";
    public const string FacilityMonthMismatch = "verify.facility_month.mismatch";

    private static readonly string[] MonthlyMeasures = ["claims", "patients", "bed_days", "total_cost", "insurer_paid", "drug_cost", "supplies_cost"];

    private static readonly string[] FacilityMonthMeasures =
        ["claims", "cards", "inpatient", "inpatient_days", "total_cost", "inpatient_cost", "insurer_paid", "drug_cost", "supplies_cost"];

    public IReadOnlyList<VerificationCheck> Checks { get; } =
    [
        new(MonthlyMismatch, "dw.fct_claims_monthly", "nhóm tháng · cơ sở · loại KCB khác với dw.fct_claim", Compare("dw.fct_claims_monthly", ["month_key", "facility_code", "visit_type"], MonthlyMeasures, """
            SELECT c.month_key, c.facility_code, c.visit_type, count(*) AS claims, count(DISTINCT c.card_pseudonym) AS patients,
                   coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0) AS bed_days, sum(c.total_cost) AS total_cost,
                   coalesce(sum(c.insurer_paid), 0) AS insurer_paid, coalesce(sum(c.drug_cost), 0) AS drug_cost, coalesce(sum(c.supplies_cost), 0) AS supplies_cost
            FROM dw.fct_claim c
            GROUP BY c.month_key, c.facility_code, c.visit_type
            """)),
        new(FacilityMonthMismatch, "dw.fct_facility_month", "nhóm tháng · cơ sở khác với dw.fct_claim", Compare("dw.fct_facility_month", ["month_key", "facility_code"], FacilityMonthMeasures, """
            SELECT c.month_key, c.facility_code, count(*) AS claims, count(DISTINCT c.card_pseudonym) AS cards,
                   sum(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END) AS inpatient,
                   coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0) AS inpatient_days, sum(c.total_cost) AS total_cost,
                   coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0) AS inpatient_cost,
                   coalesce(sum(c.insurer_paid), 0) AS insurer_paid, coalesce(sum(c.drug_cost), 0) AS drug_cost, coalesce(sum(c.supplies_cost), 0) AS supplies_cost
            FROM dw.fct_claim c
            GROUP BY c.month_key, c.facility_code
            """)),
    ];

    /// <summary>
    /// Full outer join of what the claims give (<paramref name="fromClaims"/>) with the stored table summed by the same
    /// groups (a group stored twice shows as doubled); names each differing group and its claims on both sides.
    /// </summary>
    private static string Compare(string table, string[] groups, string[] measures, string fromClaims)
    {
        var stored = $"SELECT {string.Join(", ", groups.Select(g => "s." + g))}, {string.Join(", ", measures.Select(m => $"sum(s.{m}) AS {m}"))} "
                     + $"FROM {table} s GROUP BY {string.Join(", ", groups.Select(g => "s." + g))}";
        var joined = string.Join(" AND ", groups.Select(g => $"m.{g} = c.{g}"));
        var differs = string.Join(" OR ", measures.Select(m => $"m.{m} <> c.{m}"));
        var name = string.Join(", ' · ', ", groups.Skip(1).Select(g => $"coalesce(c.{g}, m.{g})"));
        return $"""
            SELECT CONCAT(p.label, ' · ', {name}, ': dw.fct_claim ', coalesce(c.claims, 0), ' hồ sơ, ', coalesce(c.total_cost, 0),
                          ' đ; {table} ', coalesce(m.claims, 0), ' hồ sơ, ', coalesce(m.total_cost, 0), ' đ') AS offending_key
            FROM ({fromClaims}) c
            FULL OUTER JOIN ({stored}) m ON {joined}
            LEFT JOIN dw.dim_period p ON p.period_key = coalesce(c.month_key, m.month_key)
            WHERE c.month_key IS NULL OR m.month_key IS NULL OR {differs}
            ORDER BY coalesce(c.month_key, m.month_key), {string.Join(", ", groups.Skip(1).Select(g => $"coalesce(c.{g}, m.{g})"))}
            """;
    }
}

namespace Bhyt.Etl.Verification;

/// <summary>
/// The claims-derived indicators (<c>source = 'claims'</c>, <c>ClaimIndicatorDeriver</c>) equal what the claims give, per
/// province and year: <c>kcb_visits</c> (claims) and <c>spend_kcb</c> (total cost, million VND). A facility counts in the
/// province its unit belongs to (the unit itself, its parent or its grandparent). A province-year on one side only, or a
/// value that differs (by more than 0,001 for money, rounding of the per-cell division), is a finding. Uses <c>@current</c>.
/// </summary>
public sealed class ClaimIndicators : IVerificationFamily
{
    public const string Mismatch = "verify.claim_indicator.mismatch";

    public IReadOnlyList<VerificationCheck> Checks { get; } =
    [
        Compare("kcb_visits", "count(*)", "0"),
        Compare("spend_kcb", "sum(c.total_cost) / 1000000.0", "0.001"),
    ];

    private static VerificationCheck Compare(string indicator, string measure, string tolerance) => new(Mismatch, "dw.fct_indicator_value",
        $"tỉnh · năm có chỉ tiêu {indicator} (nguồn hồ sơ KCB) khác với dw.fct_claim", $"""
        SELECT CONCAT(coalesce(c.province_code, v.province_code), ' · ', coalesce(c.year, v.year), ' · {indicator}: dw.fct_claim ',
                      coalesce(c.measure, 0), ', dw.fct_indicator_value ', coalesce(v.value, 0)) AS offending_key
        FROM (SELECT pu.unit_key, pu.unit_code AS province_code, p.year, {measure} AS measure
              FROM dw.fct_claim c
              JOIN dw.dim_facility f ON f.facility_key = c.facility_key
              JOIN dw.dim_unit u0 ON u0.unit_key = f.unit_key
              LEFT JOIN dw.dim_unit u1 ON u1.unit_key = u0.parent_key
              LEFT JOIN dw.dim_unit u2 ON u2.unit_key = u1.parent_key
              JOIN dw.dim_unit pu ON pu.unit_key = CASE WHEN u0.level = 'province' THEN u0.unit_key
                                                         WHEN u1.level = 'province' THEN u1.unit_key
                                                         WHEN u2.level = 'province' THEN u2.unit_key END
              JOIN dw.dim_period p ON p.period_key = c.month_key
              GROUP BY pu.unit_key, pu.unit_code, p.year) c
        FULL OUTER JOIN (
              SELECT u.unit_key, u.unit_code AS province_code, p.year, sum(x.value) AS value
              FROM dw.fct_indicator_value x
              JOIN dw.dim_indicator i ON i.indicator_key = x.indicator_key
              JOIN dw.dim_unit u ON u.unit_key = x.unit_key
              JOIN dw.dim_period p ON p.period_key = x.period_key
              WHERE x.source = 'claims' AND x.is_current = @current AND x.value_kind = 'actual' AND i.code = '{indicator}'
                AND u.level = 'province' AND p.kind = 'year'
              GROUP BY u.unit_key, u.unit_code, p.year) v
          ON v.unit_key = c.unit_key AND v.year = c.year
        WHERE c.unit_key IS NULL OR v.unit_key IS NULL OR abs(c.measure - v.value) > {tolerance}
        ORDER BY coalesce(c.province_code, v.province_code), coalesce(c.year, v.year)
        """);
}

using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>
/// Counts and sums that a lost or doubled load would change: claims and their money, the monthly claims table, indicator
/// values (current and all, so a second load superseding the first shows), claim details, facility months, and loaded
/// submissions — each content hash loaded once, each submission's row count equal to the facts that carry its id.
/// </summary>
public sealed record WarehouseFingerprint(
    long Claims, decimal ClaimCost, decimal ClaimInsurer, long ClaimDetails,
    long MonthlyRows, long MonthlyClaims, decimal MonthlyCost,
    long Values, long CurrentValues, decimal CurrentSum,
    long FacilityMonths, long Loaded, long LoadedRows, long LoadedHashes, long HalfRecorded)
{
    public static async Task<WarehouseFingerprint> ReadAsync(IWarehouseEngine engine) =>
        (await engine.QueryAsync<WarehouseFingerprint>("""
            SELECT
              (SELECT count(*) FROM dw.fct_claim) AS Claims,
              (SELECT coalesce(sum(total_cost), 0) FROM dw.fct_claim) AS ClaimCost,
              (SELECT coalesce(sum(insurer_paid), 0) FROM dw.fct_claim) AS ClaimInsurer,
              (SELECT count(*) FROM dw.fct_claim_detail) AS ClaimDetails,
              (SELECT count(*) FROM dw.fct_claims_monthly) AS MonthlyRows,
              (SELECT CAST(coalesce(sum(claims), 0) AS BIGINT) FROM dw.fct_claims_monthly) AS MonthlyClaims,
              (SELECT coalesce(sum(total_cost), 0) FROM dw.fct_claims_monthly) AS MonthlyCost,
              (SELECT count(*) FROM dw.fct_indicator_value) AS "Values",
              (SELECT count(*) FROM dw.fct_indicator_value WHERE is_current) AS CurrentValues,
              (SELECT coalesce(sum(value), 0) FROM dw.fct_indicator_value WHERE is_current) AS CurrentSum,
              (SELECT count(*) FROM dw.fct_facility_month) AS FacilityMonths,
              (SELECT count(*) FROM etl.submission WHERE status = 'loaded') AS Loaded,
              (SELECT CAST(coalesce(sum(rows_loaded), 0) AS BIGINT) FROM etl.submission WHERE status = 'loaded') AS LoadedRows,
              (SELECT count(DISTINCT sha256) FROM etl.submission WHERE status = 'loaded') AS LoadedHashes,
              (SELECT count(*) FROM etl.submission s
                WHERE s.status = 'loaded' AND s.kind IN ('submission', 'report')
                  AND s.rows_loaded <> (SELECT count(*) FROM dw.fct_indicator_value v WHERE v.submission_id = s.submission_id)) AS HalfRecorded
            """)).Single();
}

namespace Bhyt.Etl.Verification;

/// <summary>
/// Every fact points at existing dimensions and submissions: a key with no row in the table it names is an orphan
/// (<c>verify.orphan_key</c>), reported per missing key with the number of fact rows that hold it.
/// </summary>
public sealed class DimensionReferences : IVerificationFamily
{
    public const string OrphanKey = "verify.orphan_key";

    private static readonly (string Fact, string Column, string Dimension, string DimensionColumn)[] References =
    [
        ("dw.fct_indicator_value", "unit_key", "dw.dim_unit", "unit_key"),
        ("dw.fct_indicator_value", "period_key", "dw.dim_period", "period_key"),
        ("dw.fct_indicator_value", "indicator_key", "dw.dim_indicator", "indicator_key"),
        ("dw.fct_indicator_value", "submission_id", "etl.submission", "submission_id"),
        ("dw.fct_claim", "facility_key", "dw.dim_facility", "facility_key"),
        ("dw.fct_claim", "month_key", "dw.dim_period", "period_key"),
        ("dw.fct_claim", "submission_id", "etl.submission", "submission_id"),
        ("dw.fct_claim_version", "facility_key", "dw.dim_facility", "facility_key"),
        ("dw.fct_claim_version", "month_key", "dw.dim_period", "period_key"),
        ("dw.fct_claim_version", "submission_id", "etl.submission", "submission_id"),
        ("dw.fct_claim_version", "superseded_by", "etl.submission", "submission_id"),
        ("dw.fct_claims_monthly", "facility_key", "dw.dim_facility", "facility_key"),
        ("dw.fct_claims_monthly", "month_key", "dw.dim_period", "period_key"),
        ("dw.fct_facility_month", "facility_key", "dw.dim_facility", "facility_key"),
        ("dw.fct_facility_month", "month_key", "dw.dim_period", "period_key"),
    ];

    public IReadOnlyList<VerificationCheck> Checks { get; } = References.Select(r => new VerificationCheck(OrphanKey, r.Fact,
        $"giá trị {r.Column} không có trong {r.Dimension}",
        $"""
        SELECT CONCAT('{r.Column} = ', f.{r.Column}, ' (', count(*), ' dòng)') AS offending_key
        FROM {r.Fact} f
        WHERE f.{r.Column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {r.Dimension} d WHERE d.{r.DimensionColumn} = f.{r.Column})
        GROUP BY f.{r.Column}
        ORDER BY f.{r.Column}
        """)).ToList();
}

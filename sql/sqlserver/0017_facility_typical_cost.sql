-- Issue 16 (SQL Server): same columns and view as sql/duckdb/0017_facility_typical_cost.sql — per facility-month, for
-- outpatient visits and for inpatient stays, the claims with a cost above zero, the sum of ln(cost) and of its squares (the
-- typical cost is their geometric mean, robust to a few very dear claims); filled by the loader, here once for the months
-- already loaded; rpt.facility_months gives the profile with the means computed.
IF COL_LENGTH(N'dw.fct_facility_month', N'outpatient_costed') IS NULL
    ALTER TABLE dw.fct_facility_month ADD
        outpatient_costed BIGINT NOT NULL CONSTRAINT df_fct_facility_month_outpatient_costed DEFAULT 0,
        outpatient_log_cost FLOAT NOT NULL CONSTRAINT df_fct_facility_month_outpatient_log_cost DEFAULT 0,
        outpatient_log_squares FLOAT NOT NULL CONSTRAINT df_fct_facility_month_outpatient_log_squares DEFAULT 0,
        inpatient_costed BIGINT NOT NULL CONSTRAINT df_fct_facility_month_inpatient_costed DEFAULT 0,
        inpatient_log_cost FLOAT NOT NULL CONSTRAINT df_fct_facility_month_inpatient_log_cost DEFAULT 0,
        inpatient_log_squares FLOAT NOT NULL CONSTRAINT df_fct_facility_month_inpatient_log_squares DEFAULT 0;
GO
UPDATE m SET
    outpatient_costed = a.outpatient_costed, outpatient_log_cost = a.outpatient_log_cost, outpatient_log_squares = a.outpatient_log_squares,
    inpatient_costed = a.inpatient_costed, inpatient_log_cost = a.inpatient_log_cost, inpatient_log_squares = a.inpatient_log_squares
FROM dw.fct_facility_month m
JOIN (
    SELECT month_key, facility_code,
           SUM(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN CAST(1 AS BIGINT) ELSE 0 END) AS outpatient_costed,
           COALESCE(SUM(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN LOG(CAST(total_cost AS FLOAT)) END), 0) AS outpatient_log_cost,
           COALESCE(SUM(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN SQUARE(LOG(CAST(total_cost AS FLOAT))) END), 0) AS outpatient_log_squares,
           SUM(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN CAST(1 AS BIGINT) ELSE 0 END) AS inpatient_costed,
           COALESCE(SUM(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN LOG(CAST(total_cost AS FLOAT)) END), 0) AS inpatient_log_cost,
           COALESCE(SUM(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN SQUARE(LOG(CAST(total_cost AS FLOAT))) END), 0) AS inpatient_log_squares
    FROM dw.fct_claim
    GROUP BY month_key, facility_code
) a ON a.month_key = m.month_key AND a.facility_code = m.facility_code;
GO
CREATE OR ALTER VIEW rpt.facility_months AS
SELECT p.start_date AS month, m.facility_code, f.name AS facility_name, f.tier AS facility_tier,
       f.ownership, f.province_code, m.claims, m.cards, m.out_of_province_cards, m.inpatient AS inpatient_stays,
       m.inpatient_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost,
       CAST(m.total_cost - m.inpatient_cost AS FLOAT) / NULLIF(m.claims - m.inpatient, 0) AS outpatient_mean_cost,
       CAST(m.inpatient_cost AS FLOAT) / NULLIF(m.inpatient, 0) AS inpatient_mean_cost,
       CASE WHEN m.outpatient_costed > 0 THEN EXP(m.outpatient_log_cost / m.outpatient_costed) END AS outpatient_typical_cost,
       CASE WHEN m.inpatient_costed > 0 THEN EXP(m.inpatient_log_cost / m.inpatient_costed) END AS inpatient_typical_cost
FROM dw.fct_facility_month m
JOIN dw.dim_period p ON p.period_key = m.month_key
LEFT JOIN dw.dim_facility f ON f.facility_code = m.facility_code;
GO

-- Issue 16: the typical cost of a facility's visits and stays in a month — the geometric mean of the claim costs, robust to
-- the few very dear claims that are claim outliers of their own (an arithmetic mean over a heavy-tailed month moves so much by
-- chance that a facility doubling its prices for months hid in its noise). Per facility-month, for outpatient visits
-- (every visit type but inpatient) and for inpatient stays: the claims with a cost above zero, the sum of ln(cost) and the
-- sum of its squares (the spread of the log costs: how much the month's typical cost moves by chance). Filled by the loader
-- with the rest of the row (FacilityMonthStore.RefreshAsync); this script fills the months already loaded. The view
-- rpt.facility_months gives analysts the profile with the means computed. Same on SQL Server
-- (sql/sqlserver/0017_facility_typical_cost.sql).
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS outpatient_costed BIGINT DEFAULT 0;
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS outpatient_log_cost DOUBLE DEFAULT 0;
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS outpatient_log_squares DOUBLE DEFAULT 0;
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS inpatient_costed BIGINT DEFAULT 0;
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS inpatient_log_cost DOUBLE DEFAULT 0;
ALTER TABLE dw.fct_facility_month ADD COLUMN IF NOT EXISTS inpatient_log_squares DOUBLE DEFAULT 0;

UPDATE dw.fct_facility_month SET
    outpatient_costed = a.outpatient_costed, outpatient_log_cost = a.outpatient_log_cost, outpatient_log_squares = a.outpatient_log_squares,
    inpatient_costed = a.inpatient_costed, inpatient_log_cost = a.inpatient_log_cost, inpatient_log_squares = a.inpatient_log_squares
FROM (
    SELECT month_key, facility_code,
           sum(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN 1 ELSE 0 END) AS outpatient_costed,
           coalesce(sum(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN ln(CAST(total_cost AS DOUBLE)) END), 0) AS outpatient_log_cost,
           coalesce(sum(CASE WHEN visit_type <> 'inpatient' AND total_cost > 0 THEN ln(CAST(total_cost AS DOUBLE)) * ln(CAST(total_cost AS DOUBLE)) END), 0) AS outpatient_log_squares,
           sum(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN 1 ELSE 0 END) AS inpatient_costed,
           coalesce(sum(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN ln(CAST(total_cost AS DOUBLE)) END), 0) AS inpatient_log_cost,
           coalesce(sum(CASE WHEN visit_type = 'inpatient' AND total_cost > 0 THEN ln(CAST(total_cost AS DOUBLE)) * ln(CAST(total_cost AS DOUBLE)) END), 0) AS inpatient_log_squares
    FROM dw.fct_claim
    GROUP BY month_key, facility_code
) a
WHERE a.month_key = dw.fct_facility_month.month_key AND a.facility_code = dw.fct_facility_month.facility_code;

CREATE OR REPLACE VIEW rpt.facility_months AS
SELECT p.start_date AS month, m.facility_code, f.name AS facility_name, f.tier AS facility_tier,
       f.ownership, f.province_code, m.claims, m.cards, m.out_of_province_cards, m.inpatient AS inpatient_stays,
       m.inpatient_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost,
       CAST(m.total_cost - m.inpatient_cost AS DOUBLE) / NULLIF(m.claims - m.inpatient, 0) AS outpatient_mean_cost,
       CAST(m.inpatient_cost AS DOUBLE) / NULLIF(m.inpatient, 0) AS inpatient_mean_cost,
       CASE WHEN m.outpatient_costed > 0 THEN exp(m.outpatient_log_cost / m.outpatient_costed) END AS outpatient_typical_cost,
       CASE WHEN m.inpatient_costed > 0 THEN exp(m.inpatient_log_cost / m.inpatient_costed) END AS inpatient_typical_cost
FROM dw.fct_facility_month m
JOIN dw.dim_period p ON p.period_key = m.month_key
LEFT JOIN dw.dim_facility f ON f.facility_code = m.facility_code;

-- Issue 16: the facility-month profile the facility detector reads (etl/Detection/Facilities). Same table on SQL Server
-- (sql/sqlserver/0012_facility_profile.sql). One row per facility and month of discharge, over all visit types: what
-- dw.fct_claims_monthly cannot give (it is split by visit type, so its distinct cards do not add up, and it has no
-- residence): the distinct cards, the distinct cards resident outside the facility's province, the cost of inpatient
-- stays, and the sums of squared claim costs of outpatient visits and of inpatient stays (the spread of claim costs within
-- the month: how much a month's mean cost moves by chance). The loader rebuilds the months a claims file touched (FacilityMonthStore.RefreshAsync, beside the rebuild of dw.fct_claims_monthly);
-- this script fills it once from the claims already loaded.
CREATE TABLE IF NOT EXISTS dw.fct_facility_month (
    month_key             INTEGER       NOT NULL,
    facility_key          INTEGER,
    facility_code         VARCHAR(20)   NOT NULL,
    claims                BIGINT        NOT NULL,
    cards                 BIGINT        NOT NULL,
    out_of_province_cards BIGINT        NOT NULL,
    inpatient             BIGINT        NOT NULL,
    inpatient_days        BIGINT        NOT NULL,
    total_cost            DECIMAL(20,2) NOT NULL,
    inpatient_cost        DECIMAL(20,2) NOT NULL,
    outpatient_cost_squares DOUBLE      NOT NULL,
    inpatient_cost_squares  DOUBLE      NOT NULL,
    insurer_paid          DECIMAL(20,2) NOT NULL,
    drug_cost             DECIMAL(20,2) NOT NULL,
    supplies_cost         DECIMAL(20,2) NOT NULL,
    refreshed_at          TIMESTAMP     NOT NULL
);

INSERT INTO dw.fct_facility_month (month_key, facility_key, facility_code, claims, cards, out_of_province_cards, inpatient,
    inpatient_days, total_cost, inpatient_cost, outpatient_cost_squares, inpatient_cost_squares, insurer_paid, drug_cost, supplies_cost, refreshed_at)
SELECT c.month_key, c.facility_key, c.facility_code, count(*), count(DISTINCT c.card_pseudonym),
       count(DISTINCT CASE WHEN c.residence_province <> f.province_code THEN c.card_pseudonym END),
       sum(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END),
       coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0),
       sum(c.total_cost), coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0),
       sum(CASE WHEN c.visit_type <> 'inpatient' THEN CAST(c.total_cost AS DOUBLE) * CAST(c.total_cost AS DOUBLE) ELSE 0 END),
       sum(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.total_cost AS DOUBLE) * CAST(c.total_cost AS DOUBLE) ELSE 0 END),
       coalesce(sum(c.insurer_paid), 0), coalesce(sum(c.drug_cost), 0), coalesce(sum(c.supplies_cost), 0),
       CAST(current_timestamp AS TIMESTAMP)
FROM dw.fct_claim c
LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
GROUP BY c.month_key, c.facility_key, c.facility_code;

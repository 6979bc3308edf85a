-- Issue 16 (SQL Server): same table and meaning as sql/duckdb/0012_facility_profile.sql — one row per facility and month
-- of discharge with its distinct cards, its distinct cards resident outside the facility's province, the cost of inpatient
-- stays and the sums of squared claim costs; rebuilt by the loader for the months a claims file touched, filled here once
-- from the claims already loaded.
IF OBJECT_ID(N'dw.fct_facility_month', N'U') IS NULL
CREATE TABLE dw.fct_facility_month (
    month_key             INT           NOT NULL,
    facility_key          INT           NULL,
    facility_code         VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    claims                BIGINT        NOT NULL,
    cards                 BIGINT        NOT NULL,
    out_of_province_cards BIGINT        NOT NULL,
    inpatient             BIGINT        NOT NULL,
    inpatient_days        BIGINT        NOT NULL,
    total_cost            DECIMAL(20,2) NOT NULL,
    inpatient_cost        DECIMAL(20,2) NOT NULL,
    outpatient_cost_squares FLOAT       NOT NULL,
    inpatient_cost_squares  FLOAT       NOT NULL,
    insurer_paid          DECIMAL(20,2) NOT NULL,
    drug_cost             DECIMAL(20,2) NOT NULL,
    supplies_cost         DECIMAL(20,2) NOT NULL,
    refreshed_at          DATETIME2(3)  NOT NULL
);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_facility_month'), N'ix_fct_facility_month_month', N'IndexID') IS NULL
    CREATE INDEX ix_fct_facility_month_month ON dw.fct_facility_month (month_key);
GO
INSERT INTO dw.fct_facility_month (month_key, facility_key, facility_code, claims, cards, out_of_province_cards, inpatient,
    inpatient_days, total_cost, inpatient_cost, outpatient_cost_squares, inpatient_cost_squares, insurer_paid, drug_cost, supplies_cost, refreshed_at)
SELECT c.month_key, c.facility_key, c.facility_code, COUNT_BIG(*), COUNT_BIG(DISTINCT c.card_pseudonym),
       COUNT_BIG(DISTINCT CASE WHEN c.residence_province <> f.province_code THEN c.card_pseudonym END),
       SUM(CASE WHEN c.visit_type = 'inpatient' THEN CAST(1 AS BIGINT) ELSE 0 END),
       COALESCE(SUM(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.length_of_stay AS BIGINT) END), 0),
       SUM(c.total_cost), COALESCE(SUM(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0),
       SUM(CASE WHEN c.visit_type <> 'inpatient' THEN CAST(c.total_cost AS FLOAT) * CAST(c.total_cost AS FLOAT) ELSE 0 END),
       SUM(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.total_cost AS FLOAT) * CAST(c.total_cost AS FLOAT) ELSE 0 END),
       COALESCE(SUM(c.insurer_paid), 0), COALESCE(SUM(c.drug_cost), 0), COALESCE(SUM(c.supplies_cost), 0),
       SYSUTCDATETIME()
FROM dw.fct_claim c
LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
WHERE NOT EXISTS (SELECT 1 FROM dw.fct_facility_month)
GROUP BY c.month_key, c.facility_key, c.facility_code;
GO

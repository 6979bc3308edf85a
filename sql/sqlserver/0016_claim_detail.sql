-- Issue 17 items 2 and 8 (SQL Server): same tables and views as sql/duckdb/0016_claim_detail.sql — the claim-detail fact
-- (lines of XML2/XML3 of the current claims, category from MA_NHOM), its load's work table, the detail categories of the
-- monthly aggregate (NULL in rpt.claims_monthly where no claim came with details) and rpt.claim_details. Loaded with
-- SqlBulkCopy like the claims. Code columns compare binary, as dw.fct_claim's do after 0007_engine_meaning.sql.
IF OBJECT_ID(N'dw.fct_claim_detail', N'U') IS NULL
CREATE TABLE dw.fct_claim_detail (
    claim_key      BIGINT        NOT NULL,
    claim_id       VARCHAR(100)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    facility_code  VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    month_key      INT           NOT NULL,
    submission_id  BIGINT        NOT NULL,
    source_table   VARCHAR(4)    NOT NULL CONSTRAINT ck_fct_claim_detail_table CHECK (source_table IN ('XML2', 'XML3')),
    line_no        INT           NULL,
    cost_group     NVARCHAR(10)  NULL,
    category       VARCHAR(12)   NOT NULL CONSTRAINT ck_fct_claim_detail_category
                                 CHECK (category IN ('drug', 'supplies', 'services', 'examination', 'bed_day')),
    item_code      NVARCHAR(255) NULL,
    quantity       DECIMAL(18,4) NULL,
    unit_price     DECIMAL(18,4) NULL,
    amount         DECIMAL(18,2) NULL,
    insured_amount DECIMAL(18,2) NULL,
    insurer_paid   DECIMAL(18,2) NULL
);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim_detail'), N'ix_fct_claim_detail_claim', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_detail_claim ON dw.fct_claim_detail (claim_key);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim_detail'), N'ix_fct_claim_detail_month', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_detail_month ON dw.fct_claim_detail (month_key) INCLUDE (claim_key, category, amount);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim_detail'), N'ix_fct_claim_detail_submission', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_detail_submission ON dw.fct_claim_detail (submission_id);
GO
IF OBJECT_ID(N'etl.claim_detail_stage', N'U') IS NULL
CREATE TABLE etl.claim_detail_stage (
    submission_id  BIGINT        NOT NULL,
    claim_group    BIGINT        NOT NULL,
    file_name      NVARCHAR(300) NULL,
    claim_id       VARCHAR(100)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    source_table   VARCHAR(4)    NOT NULL,
    line_no        INT           NULL,
    cost_group     NVARCHAR(10)  NULL,
    category       VARCHAR(12)   NOT NULL,
    item_code      NVARCHAR(255) NULL,
    quantity       DECIMAL(18,4) NULL,
    unit_price     DECIMAL(18,4) NULL,
    amount         DECIMAL(18,2) NULL,
    insured_amount DECIMAL(18,2) NULL,
    insurer_paid   DECIMAL(18,2) NULL
);
GO
IF COL_LENGTH(N'dw.fct_claims_monthly', N'services_cost') IS NULL
    ALTER TABLE dw.fct_claims_monthly ADD services_cost DECIMAL(20,2) NOT NULL CONSTRAINT df_fct_claims_monthly_services DEFAULT 0;
GO
IF COL_LENGTH(N'dw.fct_claims_monthly', N'examination_cost') IS NULL
    ALTER TABLE dw.fct_claims_monthly ADD examination_cost DECIMAL(20,2) NOT NULL CONSTRAINT df_fct_claims_monthly_examination DEFAULT 0;
GO
IF COL_LENGTH(N'dw.fct_claims_monthly', N'bed_day_cost') IS NULL
    ALTER TABLE dw.fct_claims_monthly ADD bed_day_cost DECIMAL(20,2) NOT NULL CONSTRAINT df_fct_claims_monthly_bed_day DEFAULT 0;
GO
IF COL_LENGTH(N'dw.fct_claims_monthly', N'claims_with_details') IS NULL
    ALTER TABLE dw.fct_claims_monthly ADD claims_with_details BIGINT NOT NULL CONSTRAINT df_fct_claims_monthly_with_details DEFAULT 0;
GO
CREATE OR ALTER VIEW rpt.claims_monthly AS
SELECT p.start_date AS month, m.province_code, m.facility_code, m.facility_tier, m.visit_type,
       m.claims, m.patients, m.bed_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.services_cost END AS services_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.examination_cost END AS examination_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.bed_day_cost END AS bed_day_cost,
       m.claims_with_details
FROM dw.fct_claims_monthly m
JOIN dw.dim_period p ON p.period_key = m.month_key;
GO
CREATE OR ALTER VIEW rpt.claim_details AS
SELECT d.claim_id, d.facility_code, p.start_date AS month, d.submission_id, s.file_name, d.source_table, d.line_no, d.cost_group,
       d.category, d.item_code, d.quantity, d.unit_price, d.amount, d.insured_amount, d.insurer_paid
FROM dw.fct_claim_detail d
JOIN dw.dim_period p ON p.period_key = d.month_key
LEFT JOIN etl.submission s ON s.submission_id = d.submission_id;
GO

-- Issue 17 item 4 (SQL Server): same table and view as sql/duckdb/0013_claim_versions.sql — a replaced claim row moves
-- here whole, with the submission that had loaded it, when it was replaced and by which submission; dw.fct_claim keeps
-- only the current version, so every aggregate counts each claim once. Code columns compare binary, as dw.fct_claim's
-- do after 0007_engine_meaning.sql.
IF OBJECT_ID(N'dw.fct_claim_version', N'U') IS NULL
CREATE TABLE dw.fct_claim_version (
    claim_key          BIGINT        NOT NULL,
    claim_id           VARCHAR(100)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    card_pseudonym     CHAR(64)      COLLATE Latin1_General_100_BIN2 NOT NULL,
    facility_key       INT           NULL,
    facility_code      VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    residence_province VARCHAR(10)   COLLATE Latin1_General_100_BIN2 NULL,
    visit_type         VARCHAR(12)   NOT NULL CONSTRAINT ck_fct_claim_version_visit_type CHECK (visit_type IN ('exam', 'outpatient', 'inpatient')),
    visit_type_code    VARCHAR(4)    COLLATE Latin1_General_100_BIN2 NULL,
    admitted_at        DATETIME2(0)  NOT NULL,
    discharged_at      DATETIME2(0)  NULL,
    month_key          INT           NOT NULL,
    length_of_stay     INT           NULL,
    primary_icd        VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NULL,
    total_cost         DECIMAL(18,2) NOT NULL,
    insurer_paid       DECIMAL(18,2) NULL,
    patient_paid       DECIMAL(18,2) NULL,
    drug_cost          DECIMAL(18,2) NULL,
    supplies_cost      DECIMAL(18,2) NULL,
    submission_id      BIGINT        NOT NULL,
    source_row         INT           NOT NULL,
    superseded_at      DATETIME2(3)  NOT NULL,
    superseded_by      BIGINT        NOT NULL
);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim_version'), N'ix_fct_claim_version_claim', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_version_claim ON dw.fct_claim_version (claim_id, facility_code);
GO
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim_version'), N'ix_fct_claim_version_superseded_by', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_version_superseded_by ON dw.fct_claim_version (superseded_by);
GO
CREATE OR ALTER VIEW rpt.claim_versions AS
SELECT v.claim_id, v.facility_code, v.submission_id, s.file_name, p.start_date AS month, v.visit_type, v.total_cost, v.insurer_paid,
       v.is_current, v.superseded_at, v.superseded_by,
       COUNT_BIG(*) OVER (PARTITION BY v.claim_id, v.facility_code) AS versions
FROM (SELECT h.claim_id, h.facility_code, h.submission_id, h.month_key, h.visit_type, h.total_cost, h.insurer_paid,
             CAST(0 AS BIT) AS is_current, h.superseded_at, h.superseded_by
      FROM dw.fct_claim_version h
      UNION ALL
      SELECT c.claim_id, c.facility_code, c.submission_id, c.month_key, c.visit_type, c.total_cost, c.insurer_paid,
             CAST(1 AS BIT), NULL, NULL
      FROM dw.fct_claim c
      WHERE EXISTS (SELECT 1 FROM dw.fct_claim_version h WHERE h.claim_id = c.claim_id AND h.facility_code = c.facility_code)) v
JOIN dw.dim_period p ON p.period_key = v.month_key
LEFT JOIN etl.submission s ON s.submission_id = v.submission_id;
GO

-- Staging for claim loads (SQL Server). Mirrors sql/duckdb/0005_claims_staging.sql.
IF OBJECT_ID(N'etl.stg_claim', N'U') IS NULL
CREATE TABLE etl.stg_claim (
    submission_id      BIGINT        NOT NULL,
    source_row         INT           NOT NULL,
    claim_id           VARCHAR(100)  NOT NULL,
    card_pseudonym     CHAR(64)      NOT NULL,
    facility_code      VARCHAR(20)   NOT NULL,
    residence_province VARCHAR(10)   NULL,
    visit_type         VARCHAR(12)   NOT NULL,
    visit_type_code    VARCHAR(4)    NULL,
    admitted_at        DATETIME2(0)  NOT NULL,
    discharged_at      DATETIME2(0)  NULL,
    month_key          INT           NOT NULL,
    length_of_stay     INT           NULL,
    primary_icd        VARCHAR(20)   NULL,
    total_cost         DECIMAL(18,2) NOT NULL,
    insurer_paid       DECIMAL(18,2) NULL,
    patient_paid       DECIMAL(18,2) NULL,
    drug_cost          DECIMAL(18,2) NULL,
    supplies_cost      DECIMAL(18,2) NULL
);
GO

-- Issue 17 item 6 (SQL Server): same work tables as sql/duckdb/0025_claim_refresh_groups.sql — the (month, facility) groups
-- a claims file changed, written once inside the load's transaction so that the aggregates are rebuilt for those groups
-- only, and the distinct cards of each group counted once for both aggregates. The facility code compares binary, as
-- dw.fct_claim's does after 0007_engine_meaning.sql.
IF OBJECT_ID(N'etl.claim_refresh_group', N'U') IS NULL
CREATE TABLE etl.claim_refresh_group (
    submission_id  BIGINT       NOT NULL,
    month_key      INT          NOT NULL,
    facility_code  VARCHAR(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_claim_refresh_group PRIMARY KEY (submission_id, month_key, facility_code)
);
GO
IF OBJECT_ID(N'etl.claim_refresh_cards', N'U') IS NULL
CREATE TABLE etl.claim_refresh_cards (
    submission_id          BIGINT       NOT NULL,
    month_key              INT          NOT NULL,
    facility_key           INT          NULL,
    facility_code          VARCHAR(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    cards                  BIGINT       NOT NULL,
    out_of_province_cards  BIGINT       NOT NULL,
    exam_patients          BIGINT       NOT NULL,
    outpatient_patients    BIGINT       NOT NULL,
    inpatient_patients     BIGINT       NOT NULL
);
GO

-- Operational tables of the ETL (SQL Server). Mirrors sql/duckdb/0002_etl_tables.sql.
IF OBJECT_ID(N'etl.seq_submission', N'SO') IS NULL CREATE SEQUENCE etl.seq_submission AS BIGINT START WITH 1;
IF OBJECT_ID(N'etl.seq_issue', N'SO') IS NULL CREATE SEQUENCE etl.seq_issue AS BIGINT START WITH 1;
IF OBJECT_ID(N'etl.seq_job_run', N'SO') IS NULL CREATE SEQUENCE etl.seq_job_run AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.submission', N'U') IS NULL
CREATE TABLE etl.submission (
    submission_id BIGINT         NOT NULL CONSTRAINT pk_submission PRIMARY KEY,
    file_name     NVARCHAR(500)  NOT NULL,
    sha256        CHAR(64)       NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    unit_key      INT            NULL,
    unit_code     VARCHAR(10)    NULL,
    received_at   DATETIME2(3)   NOT NULL,
    status        VARCHAR(12)    NOT NULL CONSTRAINT ck_submission_status CHECK (status IN ('loaded', 'rejected', 'duplicate', 'superseded')),
    rows_loaded   INT            NOT NULL,
    rows_rejected INT            NOT NULL,
    warnings      INT            NOT NULL,
    duplicate_of  BIGINT         NULL,
    message       NVARCHAR(2000) NULL
);
GO
IF OBJECT_ID(N'etl.validation_issue', N'U') IS NULL
CREATE TABLE etl.validation_issue (
    issue_id       BIGINT         NOT NULL CONSTRAINT pk_validation_issue PRIMARY KEY,
    submission_id  BIGINT         NOT NULL,
    location       NVARCHAR(300)  NOT NULL,
    [rule]         VARCHAR(60)    NOT NULL,
    severity       VARCHAR(8)     NOT NULL CONSTRAINT ck_validation_issue_severity CHECK (severity IN ('error', 'warning')),
    message        NVARCHAR(2000) NOT NULL,
    unit_code      VARCHAR(10)    NULL,
    period_label   VARCHAR(30)    NULL,
    indicator_code VARCHAR(60)    NULL,
    cell_text      NVARCHAR(500)  NULL
);
GO
IF OBJECT_ID(N'etl.job_run', N'U') IS NULL
CREATE TABLE etl.job_run (
    run_id     BIGINT         NOT NULL CONSTRAINT pk_job_run PRIMARY KEY,
    job_name   VARCHAR(100)   NOT NULL,
    started_at DATETIME2(3)   NOT NULL,
    ended_at   DATETIME2(3)   NULL,
    files      INT            NOT NULL,
    outcome    VARCHAR(20)    NOT NULL,
    message    NVARCHAR(4000) NULL
);
GO
IF OBJECT_ID(N'etl.reference_load', N'U') IS NULL
CREATE TABLE etl.reference_load (
    name      VARCHAR(100) NOT NULL CONSTRAINT pk_reference_load PRIMARY KEY,
    sha256    CHAR(64)     NOT NULL,
    row_count INT          NOT NULL,
    loaded_at DATETIME2(3) NOT NULL
);
GO

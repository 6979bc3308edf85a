-- Issue 19 item 4 (SQL Server): the last results of `bhyt verify`. Mirrors sql/duckdb/0019_verify_run.sql.
IF OBJECT_ID(N'etl.seq_verify_run', N'SO') IS NULL CREATE SEQUENCE etl.seq_verify_run AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.verify_run', N'U') IS NULL
CREATE TABLE etl.verify_run (
    run_id        BIGINT         NOT NULL CONSTRAINT pk_verify_run PRIMARY KEY,
    started_at    DATETIME2(3)   NOT NULL,
    finished_at   DATETIME2(3)   NOT NULL,
    finding_count INT            NOT NULL,
    findings      NVARCHAR(MAX)  NOT NULL
);
GO

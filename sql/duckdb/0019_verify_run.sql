-- Issue 19 item 4: the last results of `bhyt verify` as the scheduler runs it nightly (etl/Verification/VerifyRunStore.cs),
-- shown to administrators on the dashboard. findings: the findings as a JSON array (code, table, count, examples, message).
-- Same table on SQL Server (sql/sqlserver/0019_verify_run.sql).
CREATE SEQUENCE IF NOT EXISTS etl.seq_verify_run START 1;

CREATE TABLE IF NOT EXISTS etl.verify_run (
    run_id        BIGINT     NOT NULL PRIMARY KEY,
    started_at    TIMESTAMP  NOT NULL,
    finished_at   TIMESTAMP  NOT NULL,
    finding_count INTEGER    NOT NULL,
    findings      VARCHAR    NOT NULL
);

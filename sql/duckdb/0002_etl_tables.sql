-- Operational tables of the ETL: submissions (one per imported file), validation issues, job runs,
-- reference-data loads.
CREATE SEQUENCE IF NOT EXISTS etl.seq_submission START 1;
CREATE SEQUENCE IF NOT EXISTS etl.seq_issue START 1;
CREATE SEQUENCE IF NOT EXISTS etl.seq_job_run START 1;

CREATE TABLE IF NOT EXISTS etl.submission (
    submission_id BIGINT        NOT NULL PRIMARY KEY,
    file_name     VARCHAR(500)  NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    unit_key      INTEGER,
    unit_code     VARCHAR(10),
    received_at   TIMESTAMP     NOT NULL,
    status        VARCHAR(12)   NOT NULL CHECK (status IN ('loaded', 'rejected', 'duplicate', 'superseded')),
    rows_loaded   INTEGER       NOT NULL,
    rows_rejected INTEGER       NOT NULL,
    warnings      INTEGER       NOT NULL,
    duplicate_of  BIGINT,
    message       VARCHAR(2000)
);

CREATE TABLE IF NOT EXISTS etl.validation_issue (
    issue_id       BIGINT        NOT NULL PRIMARY KEY,
    submission_id  BIGINT        NOT NULL,
    location       VARCHAR(300)  NOT NULL,
    rule           VARCHAR(60)   NOT NULL,
    severity       VARCHAR(8)    NOT NULL CHECK (severity IN ('error', 'warning')),
    message        VARCHAR(2000) NOT NULL,
    unit_code      VARCHAR(10),
    period_label   VARCHAR(30),
    indicator_code VARCHAR(60),
    cell_text      VARCHAR(500)
);

CREATE TABLE IF NOT EXISTS etl.job_run (
    run_id      BIGINT        NOT NULL PRIMARY KEY,
    job_name    VARCHAR(100)  NOT NULL,
    started_at  TIMESTAMP     NOT NULL,
    ended_at    TIMESTAMP,
    files       INTEGER       NOT NULL,
    outcome     VARCHAR(20)   NOT NULL,
    message     VARCHAR(4000)
);

-- Which version (content hash) of each bundled reference file is in the warehouse.
CREATE TABLE IF NOT EXISTS etl.reference_load (
    name      VARCHAR(100) NOT NULL PRIMARY KEY,
    sha256    VARCHAR(64)  NOT NULL,
    row_count INTEGER      NOT NULL,
    loaded_at TIMESTAMP    NOT NULL
);

-- Issue 15: honest outcomes and the form memory. Same tables, columns and meaning on SQL Server
-- (sql/sqlserver/0009_form_memory.sql).
--  * etl.submission.status may be 'empty': a file that was read but held no figure (a blank form, or tables whose row
--    labels matched no indicator). DuckDB cannot change a CHECK constraint in place: the table is rebuilt (the rpt views
--    bind by name).
--  * etl.form_layout: a recognised table layout (the form memory), keyed by its header's signature — folded header
--    texts with numbers masked — holding the column roles (label, unit of measure, numbering, each value column's
--    period source, kind and indicator, orientation) as JSON, reused for the next document with the same header.
CREATE TABLE etl.submission_0009 (
    submission_id BIGINT        NOT NULL PRIMARY KEY,
    file_name     VARCHAR(500)  NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    unit_key      INTEGER,
    unit_code     VARCHAR(10),
    received_at   TIMESTAMP     NOT NULL,
    status        VARCHAR(12)   NOT NULL CHECK (status IN ('loaded', 'rejected', 'duplicate', 'superseded', 'empty')),
    rows_loaded   INTEGER       NOT NULL,
    rows_rejected INTEGER       NOT NULL,
    warnings      INTEGER       NOT NULL,
    duplicate_of  BIGINT,
    message       VARCHAR(2000),
    source_id     VARCHAR(100)
);

INSERT INTO etl.submission_0009
SELECT submission_id, file_name, sha256, kind, unit_key, unit_code, received_at, status, rows_loaded, rows_rejected,
       warnings, duplicate_of, message, source_id
FROM etl.submission;

DROP TABLE etl.submission;
ALTER TABLE etl.submission_0009 RENAME TO submission;

CREATE TABLE IF NOT EXISTS etl.form_layout (
    signature_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    header_signature    VARCHAR(4000) NOT NULL,
    orientation         VARCHAR(16)   NOT NULL CHECK (orientation IN ('indicator_rows', 'unit_rows', 'period_rows')),
    column_count        INTEGER       NOT NULL,
    header_rows         INTEGER       NOT NULL,
    layout_json         VARCHAR       NOT NULL,
    first_file          VARCHAR(500)  NOT NULL,
    first_submission_id BIGINT        NOT NULL,
    last_file           VARCHAR(500)  NOT NULL,
    recognised_at       TIMESTAMP     NOT NULL,
    last_used_at        TIMESTAMP     NOT NULL,
    uses                INTEGER       NOT NULL
);

-- Not in the spec: the forms the importer remembers, for analysts who want to see how recurring tables are read.
CREATE OR REPLACE VIEW rpt.form_layouts AS
SELECT signature_hash, header_signature, orientation, column_count, header_rows, first_file, first_submission_id,
       last_file, recognised_at, last_used_at, uses
FROM etl.form_layout;

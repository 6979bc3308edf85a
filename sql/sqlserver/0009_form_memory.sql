-- Issue 15 (SQL Server): same tables, columns and meaning as sql/duckdb/0009_form_memory.sql.
-- Code columns compare binary (Latin1_General_100_BIN2), as DuckDB does.
ALTER TABLE etl.submission DROP CONSTRAINT ck_submission_status;
GO
ALTER TABLE etl.submission ADD
    CONSTRAINT ck_submission_status CHECK (status IN ('loaded', 'rejected', 'duplicate', 'superseded', 'empty'));
GO
IF OBJECT_ID(N'etl.form_layout', N'U') IS NULL
CREATE TABLE etl.form_layout (
    signature_hash      CHAR(64)       COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_form_layout PRIMARY KEY,
    header_signature    NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NOT NULL,
    orientation         VARCHAR(16)    NOT NULL CONSTRAINT ck_form_layout_orientation CHECK (orientation IN ('indicator_rows', 'unit_rows', 'period_rows')),
    column_count        INT            NOT NULL,
    header_rows         INT            NOT NULL,
    layout_json         NVARCHAR(MAX)  NOT NULL,
    first_file          NVARCHAR(500)  NOT NULL,
    first_submission_id BIGINT         NOT NULL,
    last_file           NVARCHAR(500)  NOT NULL,
    recognised_at       DATETIME2(3)   NOT NULL,
    last_used_at        DATETIME2(3)   NOT NULL,
    uses                INT            NOT NULL
);
GO
-- Not in the spec: the forms the importer remembers, for analysts who want to see how recurring tables are read.
CREATE OR ALTER VIEW rpt.form_layouts AS
SELECT signature_hash, header_signature, orientation, column_count, header_rows, first_file, first_submission_id,
       last_file, recognised_at, last_used_at, uses
FROM etl.form_layout;
GO

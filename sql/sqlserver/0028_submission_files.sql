-- Issue 17 (SQL Server): same table as sql/duckdb/0028_submission_files.sql — the files of a folder's batch of claims XML
-- files, each with its own SHA-256, so that a file of a loaded batch imported again on its own is a duplicate.
IF OBJECT_ID(N'etl.submission_file', N'U') IS NULL
CREATE TABLE etl.submission_file (
    submission_id  BIGINT         NOT NULL,
    file_name      NVARCHAR(300)  NOT NULL,
    sha256         CHAR(64)       COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_submission_file PRIMARY KEY (submission_id, file_name)
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_submission_file_sha256' AND object_id = OBJECT_ID(N'etl.submission_file'))
CREATE INDEX ix_submission_file_sha256 ON etl.submission_file (sha256);
GO

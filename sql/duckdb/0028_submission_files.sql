-- Issue 17: the files of a folder's batch of claims XML files (bhyt import <folder>, the inbox's batch), each with its
-- own SHA-256, written with the batch's submission once it loaded. A file of a loaded batch imported again on its own
-- is then a duplicate, as an identical file always is (interfaces.md), and a batch names the files loaded before.
-- Same table on SQL Server (sql/sqlserver/0028_submission_files.sql).
CREATE TABLE IF NOT EXISTS etl.submission_file (
    submission_id  BIGINT        NOT NULL,
    file_name      VARCHAR(300)  NOT NULL,
    sha256         VARCHAR(64)   NOT NULL
);

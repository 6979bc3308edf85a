-- Issue 16 (SQL Server): same tables, columns and meaning as sql/duckdb/0010_anomaly_contract.sql.
-- Code columns compare binary (Latin1_General_100_BIN2), as DuckDB does. SQL Server changes dw.anomaly in place
-- (DuckDB rebuilds it): the new columns come after the old ones in the table, and rpt.anomalies lists them in the
-- promised order. Rows of the earlier shape had no kind: they become 'unclassified', open.
ALTER TABLE dw.anomaly ADD
    kind              VARCHAR(40)    COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_anomaly_kind DEFAULT ('unclassified'),
    unit_code         VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    facility_code     VARCHAR(20)    COLLATE Latin1_General_100_BIN2 NULL,
    claim_id          VARCHAR(100)   COLLATE Latin1_General_100_BIN2 NULL,
    period_start      DATE           NULL,
    period_end        DATE           NULL,
    status            VARCHAR(12)    NOT NULL CONSTRAINT df_anomaly_status DEFAULT ('open')
                      CONSTRAINT ck_anomaly_status CHECK (status IN ('open', 'acknowledged', 'confirmed', 'dismissed', 'resolved')),
    reviewed_by       NVARCHAR(100)  NULL,
    reviewed_at       DATETIME2(3)   NULL,
    review_note       NVARCHAR(2000) NULL,
    first_detected_at DATETIME2(3)   NULL,
    last_detected_at  DATETIME2(3)   NULL;
GO
UPDATE dw.anomaly SET first_detected_at = detected_at, last_detected_at = detected_at;
GO
ALTER TABLE dw.anomaly ALTER COLUMN first_detected_at DATETIME2(3) NOT NULL;
ALTER TABLE dw.anomaly ALTER COLUMN last_detected_at DATETIME2(3) NOT NULL;
ALTER TABLE dw.anomaly DROP CONSTRAINT ck_anomaly_subject;
GO
ALTER TABLE dw.anomaly ADD
    CONSTRAINT ck_anomaly_subject CHECK (subject_kind IN ('unit', 'facility', 'claim', 'card', 'fund'));
GO
-- The identity: re-detection updates the row in place and never touches its review.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'uq_anomaly_identity' AND object_id = OBJECT_ID(N'dw.anomaly'))
    CREATE UNIQUE INDEX uq_anomaly_identity ON dw.anomaly (kind, subject_kind, subject_code, period_label);
GO
IF OBJECT_ID(N'etl.anomaly_stage', N'U') IS NULL
CREATE TABLE etl.anomaly_stage (
    run_id        BIGINT         NOT NULL,
    kind          VARCHAR(40)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_kind  VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_code  VARCHAR(100)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    unit_code     VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    facility_code VARCHAR(20)    COLLATE Latin1_General_100_BIN2 NULL,
    claim_id      VARCHAR(100)   COLLATE Latin1_General_100_BIN2 NULL,
    period_label  VARCHAR(30)    COLLATE Latin1_General_100_BIN2 NULL,
    period_start  DATE           NULL,
    period_end    DATE           NULL,
    measure       VARCHAR(60)    NOT NULL,
    value         FLOAT          NULL,
    expected      FLOAT          NULL,
    score         FLOAT          NULL,
    severity      VARCHAR(8)     NOT NULL,
    method        VARCHAR(60)    NOT NULL,
    explanation   NVARCHAR(2000) NOT NULL
);
GO
IF OBJECT_ID(N'etl.seq_detect_run', N'SO') IS NULL CREATE SEQUENCE etl.seq_detect_run AS BIGINT START WITH 1;
GO
-- The promised columns in the promised order; first/last detection come after them.
CREATE OR ALTER VIEW rpt.anomalies AS
SELECT anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id, period_label,
       period_start, period_end, measure, value, expected, score, severity, method, explanation, status, reviewed_by,
       reviewed_at, review_note, first_detected_at, last_detected_at
FROM dw.anomaly;
GO

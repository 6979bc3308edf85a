-- Issue 16: the anomaly contract (spec/interfaces.md, rpt.anomalies). Same tables, columns and meaning on SQL Server
-- (sql/sqlserver/0010_anomaly_contract.sql).
--  * dw.anomaly gains the kind (AnomalyKinds: the documented vocabulary), the unit / facility / claim it is about,
--    the period's dates, and the review (status open|acknowledged|confirmed|dismissed|resolved, who, when, note);
--    subject_kind admits 'card' (subject_code is then the card's pseudonym). first_detected_at / last_detected_at say
--    when detection first and last found it (detected_at is the first detection).
--  * Identity (kind, subject_kind, subject_code, period_label) is unique (a table constraint, not a declared index:
--    see 0007): re-detection updates the row in place and never touches its review.
--  * etl.anomaly_stage: work rows of one `bhyt detect` run (empty between runs).
-- DuckDB cannot change a CHECK constraint in place: the table is rebuilt (the rpt views bind by name). Rows of the
-- earlier shape had no kind: they become 'unclassified', open.
CREATE TABLE dw.anomaly_0010 (
    anomaly_id        BIGINT        NOT NULL PRIMARY KEY,
    detected_at       TIMESTAMP     NOT NULL,
    kind              VARCHAR(40)   NOT NULL,
    subject_kind      VARCHAR(10)   NOT NULL CHECK (subject_kind IN ('unit', 'facility', 'claim', 'card', 'fund')),
    subject_code      VARCHAR(100)  NOT NULL,
    unit_code         VARCHAR(10),
    facility_code     VARCHAR(20),
    claim_id          VARCHAR(100),
    period_label      VARCHAR(30),
    period_start      DATE,
    period_end        DATE,
    measure           VARCHAR(60)   NOT NULL,
    value             DOUBLE,
    expected          DOUBLE,
    score             DOUBLE,
    severity          VARCHAR(8)    NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    method            VARCHAR(60)   NOT NULL,
    explanation       VARCHAR(2000) NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('open', 'acknowledged', 'confirmed', 'dismissed', 'resolved')),
    reviewed_by       VARCHAR(100),
    reviewed_at       TIMESTAMP,
    review_note       VARCHAR(2000),
    first_detected_at TIMESTAMP     NOT NULL,
    last_detected_at  TIMESTAMP     NOT NULL,
    CONSTRAINT uq_anomaly_identity UNIQUE (kind, subject_kind, subject_code, period_label)
);

INSERT INTO dw.anomaly_0010
SELECT anomaly_id, detected_at, 'unclassified', subject_kind, subject_code, NULL, NULL, NULL, period_label, NULL, NULL,
       measure, value, expected, score, severity, method, explanation, 'open', NULL, NULL, NULL, detected_at, detected_at
FROM dw.anomaly;

DROP TABLE dw.anomaly;
ALTER TABLE dw.anomaly_0010 RENAME TO anomaly;

CREATE TABLE IF NOT EXISTS etl.anomaly_stage (
    run_id       BIGINT        NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    subject_kind VARCHAR(10)   NOT NULL,
    subject_code VARCHAR(100)  NOT NULL,
    unit_code    VARCHAR(10),
    facility_code VARCHAR(20),
    claim_id     VARCHAR(100),
    period_label VARCHAR(30),
    period_start DATE,
    period_end   DATE,
    measure      VARCHAR(60)   NOT NULL,
    value        DOUBLE,
    expected     DOUBLE,
    score        DOUBLE,
    severity     VARCHAR(8)    NOT NULL,
    method       VARCHAR(60)   NOT NULL,
    explanation  VARCHAR(2000) NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS etl.seq_detect_run START 1;

-- The promised columns in the promised order; first/last detection come after them.
CREATE OR REPLACE VIEW rpt.anomalies AS
SELECT anomaly_id, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id, period_label,
       period_start, period_end, measure, value, expected, score, severity, method, explanation, status, reviewed_by,
       reviewed_at, review_note, first_detected_at, last_detected_at
FROM dw.anomaly;

-- Facts: indicator values (actual/target) with lineage, claims at claim grain, the monthly claims
-- aggregate, and the outputs of anomaly detection and alerting.
CREATE SEQUENCE IF NOT EXISTS dw.seq_value START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_claim START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_anomaly START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_alert START 1;

-- One reported figure. A newer figure for the same unit, period, indicator, kind and source_ref
-- supersedes the older one (is_current = false, superseded_by set); history is never deleted.
CREATE TABLE IF NOT EXISTS dw.fct_indicator_value (
    value_id        BIGINT         NOT NULL PRIMARY KEY,
    unit_key        INTEGER        NOT NULL,
    period_key      INTEGER        NOT NULL,
    indicator_key   INTEGER        NOT NULL,
    value_kind      VARCHAR(6)     NOT NULL CHECK (value_kind IN ('actual', 'target')),
    value           DECIMAL(24,6)  NOT NULL,
    source          VARCHAR(12)    NOT NULL CHECK (source IN ('submission', 'claims')),
    source_ref      VARCHAR(100),
    submission_id   BIGINT,
    source_location VARCHAR(300),
    source_text     VARCHAR(500),
    is_current      BOOLEAN        NOT NULL,
    superseded_by   BIGINT,
    loaded_at       TIMESTAMP      NOT NULL
);

-- One insured visit (XML1 summary row). The card number is kept only as a keyed pseudonym
-- (HMAC-SHA256, hex); names are never stored. Money in VND (đồng).
CREATE TABLE IF NOT EXISTS dw.fct_claim (
    claim_key              BIGINT        NOT NULL,
    claim_id               VARCHAR(100)  NOT NULL,
    card_pseudonym         VARCHAR(64)   NOT NULL,
    facility_key           INTEGER,
    facility_code          VARCHAR(20)   NOT NULL,
    residence_province     VARCHAR(10),
    visit_type             VARCHAR(12)   NOT NULL CHECK (visit_type IN ('exam', 'outpatient', 'inpatient')),
    visit_type_code        VARCHAR(4),
    admitted_at            TIMESTAMP     NOT NULL,
    discharged_at          TIMESTAMP,
    month_key              INTEGER       NOT NULL,
    length_of_stay         INTEGER,
    primary_icd            VARCHAR(20),
    total_cost             DECIMAL(18,2) NOT NULL,
    insurer_paid           DECIMAL(18,2),
    patient_paid           DECIMAL(18,2),
    drug_cost              DECIMAL(18,2),
    supplies_cost          DECIMAL(18,2),
    submission_id          BIGINT        NOT NULL,
    source_row             INTEGER       NOT NULL
);

-- Claims aggregated by month (of discharge), facility and visit type; rebuilt from fct_claim.
CREATE TABLE IF NOT EXISTS dw.fct_claims_monthly (
    month_key      INTEGER       NOT NULL,
    province_code  VARCHAR(10),
    facility_key   INTEGER,
    facility_code  VARCHAR(20)   NOT NULL,
    facility_tier  INTEGER,
    visit_type     VARCHAR(12)   NOT NULL,
    claims         BIGINT        NOT NULL,
    patients       BIGINT        NOT NULL,
    bed_days       BIGINT        NOT NULL,
    total_cost     DECIMAL(20,2) NOT NULL,
    insurer_paid   DECIMAL(20,2) NOT NULL,
    drug_cost      DECIMAL(20,2) NOT NULL,
    supplies_cost  DECIMAL(20,2) NOT NULL,
    refreshed_at   TIMESTAMP     NOT NULL
);

CREATE TABLE IF NOT EXISTS dw.anomaly (
    anomaly_id   BIGINT        NOT NULL PRIMARY KEY,
    detected_at  TIMESTAMP     NOT NULL,
    subject_kind VARCHAR(10)   NOT NULL CHECK (subject_kind IN ('unit', 'facility', 'claim', 'fund')),
    subject_code VARCHAR(100)  NOT NULL,
    period_label VARCHAR(30),
    measure      VARCHAR(60)   NOT NULL,
    value        DOUBLE,
    expected     DOUBLE,
    score        DOUBLE,
    severity     VARCHAR(8)    NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    method       VARCHAR(60)   NOT NULL,
    explanation  VARCHAR(2000) NOT NULL
);

CREATE TABLE IF NOT EXISTS dw.alert (
    alert_id     BIGINT        NOT NULL PRIMARY KEY,
    rule         VARCHAR(100)  NOT NULL,
    unit_code    VARCHAR(10),
    period_label VARCHAR(30),
    severity     VARCHAR(8)    NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message      VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    delivered_at TIMESTAMP,
    channel      VARCHAR(30)
);

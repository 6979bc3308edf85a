-- Facts (SQL Server). Mirrors sql/duckdb/0003_facts.sql.
IF OBJECT_ID(N'dw.seq_value', N'SO') IS NULL CREATE SEQUENCE dw.seq_value AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_claim', N'SO') IS NULL CREATE SEQUENCE dw.seq_claim AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_anomaly', N'SO') IS NULL CREATE SEQUENCE dw.seq_anomaly AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_alert', N'SO') IS NULL CREATE SEQUENCE dw.seq_alert AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'dw.fct_indicator_value', N'U') IS NULL
CREATE TABLE dw.fct_indicator_value (
    value_id        BIGINT        NOT NULL CONSTRAINT pk_fct_indicator_value PRIMARY KEY,
    unit_key        INT           NOT NULL,
    period_key      INT           NOT NULL,
    indicator_key   INT           NOT NULL,
    value_kind      VARCHAR(6)    NOT NULL CONSTRAINT ck_fct_indicator_value_kind CHECK (value_kind IN ('actual', 'target')),
    value           DECIMAL(24,6) NOT NULL,
    source          VARCHAR(12)   NOT NULL CONSTRAINT ck_fct_indicator_value_source CHECK (source IN ('submission', 'claims')),
    source_ref      NVARCHAR(100) NULL,
    submission_id   BIGINT        NULL,
    source_location NVARCHAR(300) NULL,
    source_text     NVARCHAR(500) NULL,
    is_current      BIT           NOT NULL,
    superseded_by   BIGINT        NULL,
    loaded_at       DATETIME2(3)  NOT NULL
);
GO
IF OBJECT_ID(N'dw.fct_claim', N'U') IS NULL
CREATE TABLE dw.fct_claim (
    claim_key          BIGINT        NOT NULL,
    claim_id           VARCHAR(100)  NOT NULL,
    card_pseudonym     CHAR(64)      NOT NULL,
    facility_key       INT           NULL,
    facility_code      VARCHAR(20)   NOT NULL,
    residence_province VARCHAR(10)   NULL,
    visit_type         VARCHAR(12)   NOT NULL CONSTRAINT ck_fct_claim_visit_type CHECK (visit_type IN ('exam', 'outpatient', 'inpatient')),
    visit_type_code    VARCHAR(4)    NULL,
    admitted_at        DATETIME2(0)  NOT NULL,
    discharged_at      DATETIME2(0)  NULL,
    month_key          INT           NOT NULL,
    length_of_stay     INT           NULL,
    primary_icd        VARCHAR(20)   NULL,
    total_cost         DECIMAL(18,2) NOT NULL,
    insurer_paid       DECIMAL(18,2) NULL,
    patient_paid       DECIMAL(18,2) NULL,
    drug_cost          DECIMAL(18,2) NULL,
    supplies_cost      DECIMAL(18,2) NULL,
    submission_id      BIGINT        NOT NULL,
    source_row         INT           NOT NULL
);
GO
IF OBJECT_ID(N'dw.fct_claims_monthly', N'U') IS NULL
CREATE TABLE dw.fct_claims_monthly (
    month_key     INT           NOT NULL,
    province_code VARCHAR(10)   NULL,
    facility_key  INT           NULL,
    facility_code VARCHAR(20)   NOT NULL,
    facility_tier INT           NULL,
    visit_type    VARCHAR(12)   NOT NULL,
    claims        BIGINT        NOT NULL,
    patients      BIGINT        NOT NULL,
    bed_days      BIGINT        NOT NULL,
    total_cost    DECIMAL(20,2) NOT NULL,
    insurer_paid  DECIMAL(20,2) NOT NULL,
    drug_cost     DECIMAL(20,2) NOT NULL,
    supplies_cost DECIMAL(20,2) NOT NULL,
    refreshed_at  DATETIME2(3)  NOT NULL
);
GO
IF OBJECT_ID(N'dw.anomaly', N'U') IS NULL
CREATE TABLE dw.anomaly (
    anomaly_id   BIGINT         NOT NULL CONSTRAINT pk_anomaly PRIMARY KEY,
    detected_at  DATETIME2(3)   NOT NULL,
    subject_kind VARCHAR(10)    NOT NULL CONSTRAINT ck_anomaly_subject CHECK (subject_kind IN ('unit', 'facility', 'claim', 'fund')),
    subject_code VARCHAR(100)   NOT NULL,
    period_label VARCHAR(30)    NULL,
    measure      VARCHAR(60)    NOT NULL,
    value        FLOAT          NULL,
    expected     FLOAT          NULL,
    score        FLOAT          NULL,
    severity     VARCHAR(8)     NOT NULL CONSTRAINT ck_anomaly_severity CHECK (severity IN ('low', 'medium', 'high')),
    method       VARCHAR(60)    NOT NULL,
    explanation  NVARCHAR(2000) NOT NULL
);
GO
IF OBJECT_ID(N'dw.alert', N'U') IS NULL
CREATE TABLE dw.alert (
    alert_id     BIGINT         NOT NULL CONSTRAINT pk_alert PRIMARY KEY,
    [rule]       VARCHAR(100)   NOT NULL,
    unit_code    VARCHAR(10)    NULL,
    period_label VARCHAR(30)    NULL,
    severity     VARCHAR(8)     NOT NULL CONSTRAINT ck_alert_severity CHECK (severity IN ('info', 'warning', 'critical')),
    message      NVARCHAR(2000) NOT NULL,
    created_at   DATETIME2(3)   NOT NULL,
    delivered_at DATETIME2(3)   NULL,
    channel      VARCHAR(30)    NULL
);
GO

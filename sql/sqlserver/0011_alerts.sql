-- Issue 16, item 7 (SQL Server): same tables, columns and meaning as sql/duckdb/0011_alerts.sql — read its header.
-- Code columns compare binary (Latin1_General_100_BIN2), as DuckDB does. dw.alert of 0003 is replaced: its rows are kept
-- in a session temporary table, the table is dropped and created in its new shape, and the rows carried over.
IF OBJECT_ID(N'dw.alert_rule', N'U') IS NULL
CREATE TABLE dw.alert_rule (
    rule_id        BIGINT         NOT NULL CONSTRAINT pk_alert_rule PRIMARY KEY,
    code           VARCHAR(60)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    condition      VARCHAR(20)    COLLATE Latin1_General_100_BIN2 NOT NULL
                   CONSTRAINT ck_alert_rule_condition CHECK (condition IN ('coverage_drop', 'below_target', 'group_collapse', 'fund_overrun',
                                                                          'claims_anomaly', 'submission_late')),
    unit_code      VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    threshold      FLOAT          NULL,
    min_severity   VARCHAR(8)     NOT NULL CONSTRAINT ck_alert_rule_severity CHECK (min_severity IN ('low', 'medium', 'high')),
    period_kind    VARCHAR(10)    NULL,
    emails         NVARCHAR(2000) NULL,
    webhooks       NVARCHAR(2000) NULL,
    repeat_minutes INT            NOT NULL CONSTRAINT ck_alert_rule_repeat CHECK (repeat_minutes > 0),
    enabled        BIT            NOT NULL,
    name_vi        NVARCHAR(200)  NOT NULL,
    updated_by     NVARCHAR(100)  NULL,
    updated_at     DATETIME2(3)   NULL,
    CONSTRAINT uq_alert_rule UNIQUE (code, unit_code)
);
GO
INSERT INTO dw.alert_rule (rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi)
VALUES
    (1, 'coverage_drop', 'coverage_drop', NULL, 3, 'medium', NULL, NULL, NULL, 1440, 1, N'Tỷ lệ bao phủ BHYT giảm mạnh'),
    (2, 'below_target', 'below_target', NULL, 2, 'medium', NULL, NULL, NULL, 10080, 1, N'Tỷ lệ bao phủ dưới chỉ tiêu'),
    (3, 'group_collapse', 'group_collapse', NULL, 20, 'medium', NULL, NULL, NULL, 1440, 1, N'Một nhóm đối tượng tham gia giảm mạnh'),
    (4, 'fund_overrun', 'fund_overrun', NULL, 2, 'medium', NULL, NULL, NULL, 10080, 1, N'Chi KCB dự kiến vượt dự toán'),
    (5, 'claims_high', 'claims_anomaly', NULL, NULL, 'high', NULL, NULL, NULL, 1440, 1, N'Bất thường hồ sơ KCB mức cao mới'),
    (6, 'submission_late', 'submission_late', NULL, 15, 'low', 'month', NULL, NULL, 10080, 1, N'Đơn vị chậm gửi số liệu tháng');
GO
IF OBJECT_ID(N'dw.seq_alert_rule', N'SO') IS NULL CREATE SEQUENCE dw.seq_alert_rule AS BIGINT START WITH 100;
IF OBJECT_ID(N'dw.seq_alert_silence', N'SO') IS NULL CREATE SEQUENCE dw.seq_alert_silence AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_alert_delivery', N'SO') IS NULL CREATE SEQUENCE dw.seq_alert_delivery AS BIGINT START WITH 1;
GO
SELECT alert_id, [rule], unit_code, period_label, severity, message, created_at, delivered_at INTO #alert_0003 FROM dw.alert;
DROP TABLE dw.alert;
GO
CREATE TABLE dw.alert (
    alert_id          BIGINT         NOT NULL CONSTRAINT pk_alert PRIMARY KEY,
    rule_code         VARCHAR(60)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    condition         VARCHAR(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    unit_code         VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    period_label      VARCHAR(30)    COLLATE Latin1_General_100_BIN2 NULL,
    severity          VARCHAR(8)     NOT NULL CONSTRAINT ck_alert_severity CHECK (severity IN ('low', 'medium', 'high')),
    message           NVARCHAR(4000) NOT NULL,
    status            VARCHAR(12)    NOT NULL CONSTRAINT ck_alert_status CHECK (status IN ('firing', 'acknowledged', 'resolved')),
    created_at        DATETIME2(3)   NOT NULL,
    resolved_at       DATETIME2(3)   NULL,
    acknowledged_by   NVARCHAR(100)  NULL,
    acknowledged_at   DATETIME2(3)   NULL,
    last_fired_at     DATETIME2(3)   NOT NULL,
    last_evaluated_at DATETIME2(3)   NOT NULL,
    last_notified_at  DATETIME2(3)   NULL,
    notifications     INT            NOT NULL,
    suppressed_by     NVARCHAR(200)  NULL,
    anomaly_id        BIGINT         NULL
);
GO
INSERT INTO dw.alert (alert_id, rule_code, condition, unit_code, period_label, severity, message, status, created_at, resolved_at,
                      acknowledged_by, acknowledged_at, last_fired_at, last_evaluated_at, last_notified_at, notifications, suppressed_by, anomaly_id)
SELECT alert_id, [rule], [rule], unit_code, period_label,
       CASE severity WHEN 'critical' THEN 'high' WHEN 'warning' THEN 'medium' ELSE 'low' END,
       message, 'firing', created_at, NULL, NULL, NULL, created_at, created_at, delivered_at,
       CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END, NULL, NULL
FROM #alert_0003;
DROP TABLE #alert_0003;
GO
-- Alerts of a unit and the units below it (Cảnh báo).
CREATE INDEX ix_alert_unit ON dw.alert (unit_code);
GO
-- The fingerprint: one alert per rule × unit × period (an index, as for dw.anomaly's identity in 0010).
CREATE UNIQUE INDEX uq_alert_fingerprint ON dw.alert (rule_code, unit_code, period_label);
GO
IF OBJECT_ID(N'dw.alert_delivery', N'U') IS NULL
CREATE TABLE dw.alert_delivery (
    delivery_id     BIGINT         NOT NULL CONSTRAINT pk_alert_delivery PRIMARY KEY,
    alert_id        BIGINT         NOT NULL,
    notice          VARCHAR(10)    NOT NULL CONSTRAINT ck_alert_delivery_notice CHECK (notice IN ('firing', 'repeat', 'resolved')),
    channel         VARCHAR(10)    NOT NULL CONSTRAINT ck_alert_delivery_channel CHECK (channel IN ('email', 'webhook')),
    target          NVARCHAR(500)  NOT NULL,
    subject         NVARCHAR(300)  NOT NULL,
    body            NVARCHAR(4000) NOT NULL,
    status          VARCHAR(10)    NOT NULL CONSTRAINT ck_alert_delivery_status CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INT            NOT NULL,
    created_at      DATETIME2(3)   NOT NULL,
    last_attempt_at DATETIME2(3)   NULL,
    delivered_at    DATETIME2(3)   NULL,
    last_error      NVARCHAR(1000) NULL
);
GO
IF OBJECT_ID(N'dw.alert_silence', N'U') IS NULL
CREATE TABLE dw.alert_silence (
    silence_id BIGINT         NOT NULL CONSTRAINT pk_alert_silence PRIMARY KEY,
    rule_code  VARCHAR(60)    COLLATE Latin1_General_100_BIN2 NULL,
    unit_code  VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    created_by NVARCHAR(100)  NOT NULL,
    reason     NVARCHAR(1000) NOT NULL,
    starts_at  DATETIME2(3)   NOT NULL,
    ends_at    DATETIME2(3)   NOT NULL,
    created_at DATETIME2(3)   NOT NULL
);
GO
IF OBJECT_ID(N'dw.alert_inhibition', N'U') IS NULL
CREATE TABLE dw.alert_inhibition (
    source_condition VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    target_condition VARCHAR(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    reason_vi        NVARCHAR(300) NOT NULL,
    CONSTRAINT pk_alert_inhibition PRIMARY KEY (source_condition, target_condition)
);
GO
INSERT INTO dw.alert_inhibition VALUES
    ('coverage_drop', 'group_collapse', N'Cảnh báo giảm bao phủ cùng đơn vị, cùng kỳ đã nêu nhóm đối tượng giảm');
GO
IF OBJECT_ID(N'dw.detection_sweep', N'U') IS NULL
CREATE TABLE dw.detection_sweep (
    kind        VARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    swept_at    DATETIME2(3) NOT NULL,
    period_from DATE         NULL,
    period_to   DATE         NULL
);
GO
-- The promised columns in the promised order; the lifecycle's details come after them.
CREATE OR ALTER VIEW rpt.alerts AS
SELECT alert_id, rule_code AS [rule], unit_code, period_label, severity, message, status, created_at, resolved_at,
       condition, acknowledged_by, acknowledged_at, last_fired_at, last_evaluated_at, last_notified_at, notifications,
       suppressed_by, anomaly_id
FROM dw.alert;
GO
CREATE OR ALTER VIEW rpt.alert_deliveries AS
SELECT delivery_id, alert_id, notice, channel, target, status, attempts, created_at, last_attempt_at, delivered_at, last_error, subject
FROM dw.alert_delivery;
GO
CREATE OR ALTER VIEW rpt.alert_rules AS
SELECT rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi,
       updated_by, updated_at
FROM dw.alert_rule;
GO
CREATE OR ALTER VIEW rpt.alert_silences AS
SELECT silence_id, rule_code, unit_code, created_by, reason, starts_at, ends_at, created_at
FROM dw.alert_silence;
GO

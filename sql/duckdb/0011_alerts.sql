-- Issue 16, item 7: alerts. Same tables, columns and meaning on SQL Server (sql/sqlserver/0011_alerts.sql).
--  * dw.alert_rule: the alert rules as data (seeded below, edited by administrators on Cảnh báo). A rule applies to its
--    unit's subtree (unit_code NULL = the whole country); among the rules of one code, the most specific unit's rule
--    wins. threshold is compared with the anomaly's score (its meaning per condition: README, AlertConditions).
--  * dw.alert: one alert per fingerprint (rule_code × unit_code × period_label), with its lifecycle
--    firing → acknowledged → resolved (and firing again if the condition returns). Replaces the 0003 table, whose rows
--    are carried over (severity info|warning|critical → low|medium|high).
--  * dw.alert_delivery: the outbox, one row per notice × channel × recipient; pending → delivered, or failed with the
--    error after the last try of a run (retried on the next run).
--  * dw.alert_silence: matchers (rule and/or unit subtree) with who, why and until: the alert is recorded, not sent.
--  * dw.alert_inhibition: an alert of target_condition is not sent while an alert of source_condition fires for the
--    same unit and period (a coverage drop already names the group that collapsed).
--  * dw.detection_sweep: what each detection run looked at (kind, months, start time): an anomaly a later sweep of its
--    kind and period did not find again has cleared, and its alert resolves.
CREATE TABLE IF NOT EXISTS dw.alert_rule (
    rule_id        BIGINT        NOT NULL PRIMARY KEY,
    code           VARCHAR(60)   NOT NULL,
    condition      VARCHAR(20)   NOT NULL CHECK (condition IN ('coverage_drop', 'below_target', 'group_collapse', 'fund_overrun',
                                                              'claims_anomaly', 'submission_late')),
    unit_code      VARCHAR(10),
    threshold      DOUBLE,
    min_severity   VARCHAR(8)    NOT NULL CHECK (min_severity IN ('low', 'medium', 'high')),
    period_kind    VARCHAR(10),
    emails         VARCHAR(2000),
    webhooks       VARCHAR(2000),
    repeat_minutes INTEGER       NOT NULL CHECK (repeat_minutes > 0),
    enabled        BOOLEAN       NOT NULL,
    name_vi        VARCHAR(200)  NOT NULL,
    updated_by     VARCHAR(100),
    updated_at     TIMESTAMP,
    CONSTRAINT uq_alert_rule UNIQUE (code, unit_code)
);

INSERT INTO dw.alert_rule (rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi)
VALUES
    (1, 'coverage_drop', 'coverage_drop', NULL, 3, 'medium', NULL, NULL, NULL, 1440, TRUE, 'Tỷ lệ bao phủ BHYT giảm mạnh'),
    (2, 'below_target', 'below_target', NULL, 2, 'medium', NULL, NULL, NULL, 10080, TRUE, 'Tỷ lệ bao phủ dưới chỉ tiêu'),
    (3, 'group_collapse', 'group_collapse', NULL, 20, 'medium', NULL, NULL, NULL, 1440, TRUE, 'Một nhóm đối tượng tham gia giảm mạnh'),
    (4, 'fund_overrun', 'fund_overrun', NULL, 2, 'medium', NULL, NULL, NULL, 10080, TRUE, 'Chi KCB dự kiến vượt dự toán'),
    (5, 'claims_high', 'claims_anomaly', NULL, NULL, 'high', NULL, NULL, NULL, 1440, TRUE, 'Bất thường hồ sơ KCB mức cao mới'),
    (6, 'submission_late', 'submission_late', NULL, 15, 'low', 'month', NULL, NULL, 10080, TRUE, 'Đơn vị chậm gửi số liệu tháng');

CREATE SEQUENCE IF NOT EXISTS dw.seq_alert_rule START 100;
CREATE SEQUENCE IF NOT EXISTS dw.seq_alert_silence START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_alert_delivery START 1;

CREATE TABLE dw.alert_0011 (
    alert_id          BIGINT        NOT NULL PRIMARY KEY,
    rule_code         VARCHAR(60)   NOT NULL,
    condition         VARCHAR(20)   NOT NULL,
    unit_code         VARCHAR(10),
    period_label      VARCHAR(30),
    severity          VARCHAR(8)    NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    message           VARCHAR(4000) NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('firing', 'acknowledged', 'resolved')),
    created_at        TIMESTAMP     NOT NULL,
    resolved_at       TIMESTAMP,
    acknowledged_by   VARCHAR(100),
    acknowledged_at   TIMESTAMP,
    last_fired_at     TIMESTAMP     NOT NULL,
    last_evaluated_at TIMESTAMP     NOT NULL,
    last_notified_at  TIMESTAMP,
    notifications     INTEGER       NOT NULL,
    suppressed_by     VARCHAR(200),
    anomaly_id        BIGINT,
    CONSTRAINT uq_alert_fingerprint UNIQUE (rule_code, unit_code, period_label)
);

INSERT INTO dw.alert_0011
SELECT alert_id, "rule", "rule", unit_code, period_label,
       CASE severity WHEN 'critical' THEN 'high' WHEN 'warning' THEN 'medium' ELSE 'low' END,
       message, 'firing', created_at, NULL, NULL, NULL, created_at, created_at, delivered_at,
       CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END, NULL, NULL
FROM dw.alert;

DROP TABLE dw.alert;
ALTER TABLE dw.alert_0011 RENAME TO alert;

CREATE TABLE IF NOT EXISTS dw.alert_delivery (
    delivery_id     BIGINT        NOT NULL PRIMARY KEY,
    alert_id        BIGINT        NOT NULL,
    notice          VARCHAR(10)   NOT NULL CHECK (notice IN ('firing', 'repeat', 'resolved')),
    channel         VARCHAR(10)   NOT NULL CHECK (channel IN ('email', 'webhook')),
    target          VARCHAR(500)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    last_attempt_at TIMESTAMP,
    delivered_at    TIMESTAMP,
    last_error      VARCHAR(1000)
);

CREATE TABLE IF NOT EXISTS dw.alert_silence (
    silence_id BIGINT        NOT NULL PRIMARY KEY,
    rule_code  VARCHAR(60),
    unit_code  VARCHAR(10),
    created_by VARCHAR(100)  NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    starts_at  TIMESTAMP     NOT NULL,
    ends_at    TIMESTAMP     NOT NULL,
    created_at TIMESTAMP     NOT NULL
);

CREATE TABLE IF NOT EXISTS dw.alert_inhibition (
    source_condition VARCHAR(20)  NOT NULL,
    target_condition VARCHAR(20)  NOT NULL,
    reason_vi        VARCHAR(300) NOT NULL,
    PRIMARY KEY (source_condition, target_condition)
);

INSERT INTO dw.alert_inhibition VALUES
    ('coverage_drop', 'group_collapse', 'Cảnh báo giảm bao phủ cùng đơn vị, cùng kỳ đã nêu nhóm đối tượng giảm');

CREATE TABLE IF NOT EXISTS dw.detection_sweep (
    kind        VARCHAR(40) NOT NULL,
    swept_at    TIMESTAMP   NOT NULL,
    period_from DATE,
    period_to   DATE
);

-- The promised columns in the promised order; the lifecycle's details come after them.
CREATE OR REPLACE VIEW rpt.alerts AS
SELECT alert_id, rule_code AS "rule", unit_code, period_label, severity, message, status, created_at, resolved_at,
       condition, acknowledged_by, acknowledged_at, last_fired_at, last_evaluated_at, last_notified_at, notifications,
       suppressed_by, anomaly_id
FROM dw.alert;

CREATE OR REPLACE VIEW rpt.alert_deliveries AS
SELECT delivery_id, alert_id, notice, channel, target, status, attempts, created_at, last_attempt_at, delivered_at, last_error, subject
FROM dw.alert_delivery;

CREATE OR REPLACE VIEW rpt.alert_rules AS
SELECT rule_id, code, condition, unit_code, threshold, min_severity, period_kind, emails, webhooks, repeat_minutes, enabled, name_vi,
       updated_by, updated_at
FROM dw.alert_rule;

CREATE OR REPLACE VIEW rpt.alert_silences AS
SELECT silence_id, rule_code, unit_code, created_by, reason, starts_at, ends_at, created_at
FROM dw.alert_silence;

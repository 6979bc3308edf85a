-- The reporting views of spec/interfaces.md ("rpt.*"): the analysts' contract, identical in names,
-- columns and meaning on DuckDB and SQL Server (see sql/sqlserver/0004_rpt_views.sql).
CREATE OR REPLACE VIEW rpt.indicators AS
SELECT code, name_vi, name_en, unit, measure, annex, topic
FROM dw.dim_indicator;

CREATE OR REPLACE VIEW rpt.units AS
SELECT unit_code, name, level, parent_code, province_code, valid_from, valid_to
FROM dw.dim_unit;

CREATE OR REPLACE VIEW rpt.unit_succession AS
SELECT o.unit_code AS old_unit_code, o.level AS old_level, o.name AS old_name,
       n.unit_code AS new_unit_code, n.level AS new_level, n.name AS new_name,
       s.merge_type, s.weight, s.weight_basis
FROM dw.unit_succession s
JOIN dw.dim_unit o ON o.unit_key = s.old_unit_key
JOIN dw.dim_unit n ON n.unit_key = s.new_unit_key;

CREATE OR REPLACE VIEW rpt.periods AS
SELECT label AS period_label, kind, label_vi, start_date AS period_start, end_date AS period_end,
       year, quarter, month
FROM dw.dim_period;

CREATE OR REPLACE VIEW rpt.indicator_values AS
SELECT u.unit_code, u.name AS unit_name, u.level AS unit_level,
       p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end,
       i.code AS indicator_code, f.value, f.value_kind, f.source, f.submission_id
FROM dw.fct_indicator_value f
JOIN dw.dim_unit u ON u.unit_key = f.unit_key
JOIN dw.dim_period p ON p.period_key = f.period_key
JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
WHERE f.is_current;

CREATE OR REPLACE VIEW rpt.submissions AS
SELECT submission_id, file_name, sha256, kind, unit_code, received_at, status,
       rows_loaded, rows_rejected, warnings
FROM etl.submission;

CREATE OR REPLACE VIEW rpt.validation_issues AS
SELECT v.submission_id, s.file_name, v.location, v.rule, v.severity, v.message,
       v.unit_code, v.period_label, v.indicator_code
FROM etl.validation_issue v
JOIN etl.submission s ON s.submission_id = v.submission_id;

CREATE OR REPLACE VIEW rpt.claims_monthly AS
SELECT p.start_date AS month, m.province_code, m.facility_code, m.facility_tier, m.visit_type,
       m.claims, m.patients, m.bed_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost
FROM dw.fct_claims_monthly m
JOIN dw.dim_period p ON p.period_key = m.month_key;

CREATE OR REPLACE VIEW rpt.anomalies AS
SELECT anomaly_id, detected_at, subject_kind, subject_code, period_label, measure, value, expected,
       score, severity, method, explanation
FROM dw.anomaly;

CREATE OR REPLACE VIEW rpt.alerts AS
SELECT alert_id, rule, unit_code, period_label, severity, message, created_at, delivered_at, channel
FROM dw.alert;

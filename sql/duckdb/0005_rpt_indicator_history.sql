-- Every value ever loaded, superseded ones included, with the file it came from: where two submissions
-- (or two published sources) give different figures for the same unit, period and indicator, both are here
-- and is_current says which one rpt.indicator_values shows. Same columns on SQL Server
-- (sql/sqlserver/0005_rpt_indicator_history.sql).
CREATE OR REPLACE VIEW rpt.indicator_history AS
SELECT u.unit_code, u.name AS unit_name, u.level AS unit_level,
       p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end,
       i.code AS indicator_code, f.value, f.value_kind, f.source, f.submission_id,
       s.file_name, f.source_location, f.source_text, f.is_current, f.loaded_at
FROM dw.fct_indicator_value f
JOIN dw.dim_unit u ON u.unit_key = f.unit_key
JOIN dw.dim_period p ON p.period_key = f.period_key
JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
LEFT JOIN etl.submission s ON s.submission_id = f.submission_id;

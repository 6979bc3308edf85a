-- Issue 19 item 7: reporting completeness and timeliness (DHIS2's reporting rates). A reporting schedule (a CSV imported
-- like any file, etl/Reporting) says which units must report which annex forms for which periods, and by when; each of
-- its lines is expanded at import into one expectation per unit, period and form. Whether an expectation is met is
-- computed from the facts: a unit has reported when a loaded submission holds an actual figure of that form for the unit
-- and a period inside the expected one (a year's report may come as months). Same tables and views on SQL Server
-- (sql/sqlserver/0023_reporting_rates.sql).
CREATE SEQUENCE IF NOT EXISTS etl.seq_reporting_expectation START 1;

-- One expected report: unit, period, form (annex 4–9; NULL = a figure of any form) and its deadline. schedule_name
-- groups the lines of one plan: a newer schedule file with the same name replaces that plan's expectations.
CREATE TABLE IF NOT EXISTS etl.reporting_expectation (
    expectation_id BIGINT       NOT NULL PRIMARY KEY,
    submission_id  BIGINT       NOT NULL,
    schedule_name  VARCHAR(200) NOT NULL,
    schedule_row   INTEGER      NOT NULL,
    unit_key       INTEGER      NOT NULL,
    period_label   VARCHAR(30)  NOT NULL,
    period_kind    VARCHAR(10)  NOT NULL,
    period_start   DATE         NOT NULL,
    period_end     DATE         NOT NULL,
    annex          INTEGER,
    due_date       DATE         NOT NULL
);

-- One row per expected report with its state: on_time (first figure received by the end of the due day), late (after
-- it), missing (nothing received and the due day has passed), pending (nothing yet, not due yet).
CREATE OR REPLACE VIEW rpt.reporting_status AS
WITH arrivals AS (
    SELECT e.expectation_id, min(s.received_at) AS received_at, min(s.submission_id) AS submission_id
    FROM etl.reporting_expectation e
    JOIN dw.fct_indicator_value f ON f.unit_key = e.unit_key AND f.source = 'submission' AND f.value_kind = 'actual'
    JOIN dw.dim_period p ON p.period_key = f.period_key AND p.start_date >= e.period_start AND p.end_date <= e.period_end
    JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key AND (e.annex IS NULL OR i.annex = e.annex)
    JOIN etl.submission s ON s.submission_id = f.submission_id
    GROUP BY e.expectation_id
)
SELECT e.expectation_id, e.schedule_name, u.unit_code, u.name AS unit_name, u.level AS unit_level,
       parent.unit_code AS parent_code, parent.name AS parent_name, u.province_code, u.boundary_set,
       e.period_label, e.period_kind, e.period_start, e.period_end, e.annex AS form, e.due_date,
       a.received_at, a.submission_id,
       CASE WHEN a.received_at IS NULL THEN CASE WHEN current_date > e.due_date THEN 'missing' ELSE 'pending' END
            WHEN CAST(a.received_at AS DATE) <= e.due_date THEN 'on_time'
            ELSE 'late' END AS status,
       CASE WHEN a.received_at IS NULL AND current_date > e.due_date THEN date_diff('day', e.due_date, current_date)
            WHEN CAST(a.received_at AS DATE) > e.due_date THEN date_diff('day', e.due_date, CAST(a.received_at AS DATE))
            ELSE 0 END AS days_late
FROM etl.reporting_expectation e
JOIN dw.dim_unit u ON u.unit_key = e.unit_key
LEFT JOIN dw.dim_unit parent ON parent.unit_key = u.parent_key
LEFT JOIN arrivals a ON a.expectation_id = e.expectation_id;

-- Reporting rates per parent unit, level of the reporting units, schedule, period and form: expected, received (on time
-- or late), missing and pending reports; reporting_rate = received / expected and on_time_rate = on time / expected, in
-- percent (NULL when nothing is expected).
CREATE OR REPLACE VIEW rpt.reporting_rates AS
SELECT parent_code, parent_name, unit_level, boundary_set, schedule_name, period_label, period_kind, period_start, period_end, form,
       min(due_date) AS due_date,
       count(*) AS expected,
       count(*) FILTER (WHERE status IN ('on_time', 'late')) AS received,
       count(*) FILTER (WHERE status = 'on_time') AS on_time,
       count(*) FILTER (WHERE status = 'late') AS late,
       count(*) FILTER (WHERE status = 'missing') AS missing,
       count(*) FILTER (WHERE status = 'pending') AS pending,
       round(100.0 * count(*) FILTER (WHERE status IN ('on_time', 'late')) / count(*), 1) AS reporting_rate,
       round(100.0 * count(*) FILTER (WHERE status = 'on_time') / count(*), 1) AS on_time_rate
FROM rpt.reporting_status
GROUP BY parent_code, parent_name, unit_level, boundary_set, schedule_name, period_label, period_kind, period_start, period_end, form;

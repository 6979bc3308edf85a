-- Issue 19 item 7 (SQL Server): reporting completeness and timeliness. Mirrors sql/duckdb/0023_reporting_rates.sql.
IF OBJECT_ID(N'etl.seq_reporting_expectation', N'SO') IS NULL CREATE SEQUENCE etl.seq_reporting_expectation AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.reporting_expectation', N'U') IS NULL
CREATE TABLE etl.reporting_expectation (
    expectation_id BIGINT        NOT NULL CONSTRAINT pk_reporting_expectation PRIMARY KEY,
    submission_id  BIGINT        NOT NULL,
    schedule_name  NVARCHAR(200) NOT NULL,
    schedule_row   INT           NOT NULL,
    unit_key       INT           NOT NULL,
    period_label   NVARCHAR(30)  NOT NULL,
    period_kind    NVARCHAR(10)  NOT NULL,
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    annex          INT           NULL,
    due_date       DATE          NOT NULL
);
GO
CREATE OR ALTER VIEW rpt.reporting_status AS
WITH arrivals AS (
    SELECT e.expectation_id, MIN(s.received_at) AS received_at, MIN(s.submission_id) AS submission_id
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
       CASE WHEN a.received_at IS NULL THEN CASE WHEN CAST(SYSDATETIME() AS DATE) > e.due_date THEN 'missing' ELSE 'pending' END
            WHEN CAST(a.received_at AS DATE) <= e.due_date THEN 'on_time'
            ELSE 'late' END AS status,
       CASE WHEN a.received_at IS NULL AND CAST(SYSDATETIME() AS DATE) > e.due_date THEN DATEDIFF(day, e.due_date, CAST(SYSDATETIME() AS DATE))
            WHEN CAST(a.received_at AS DATE) > e.due_date THEN DATEDIFF(day, e.due_date, CAST(a.received_at AS DATE))
            ELSE 0 END AS days_late
FROM etl.reporting_expectation e
JOIN dw.dim_unit u ON u.unit_key = e.unit_key
LEFT JOIN dw.dim_unit parent ON parent.unit_key = u.parent_key
LEFT JOIN arrivals a ON a.expectation_id = e.expectation_id;
GO
CREATE OR ALTER VIEW rpt.reporting_rates AS
SELECT parent_code, parent_name, unit_level, boundary_set, schedule_name, period_label, period_kind, period_start, period_end, form,
       MIN(due_date) AS due_date,
       COUNT_BIG(*) AS expected,
       SUM(CASE WHEN status IN ('on_time', 'late') THEN 1 ELSE 0 END) AS received,
       SUM(CASE WHEN status = 'on_time' THEN 1 ELSE 0 END) AS on_time,
       SUM(CASE WHEN status = 'late' THEN 1 ELSE 0 END) AS late,
       SUM(CASE WHEN status = 'missing' THEN 1 ELSE 0 END) AS missing,
       SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
       ROUND(100.0 * SUM(CASE WHEN status IN ('on_time', 'late') THEN 1 ELSE 0 END) / COUNT(*), 1) AS reporting_rate,
       ROUND(100.0 * SUM(CASE WHEN status = 'on_time' THEN 1 ELSE 0 END) / COUNT(*), 1) AS on_time_rate
FROM rpt.reporting_status
GROUP BY parent_code, parent_name, unit_level, boundary_set, schedule_name, period_label, period_kind, period_start, period_end, form;
GO

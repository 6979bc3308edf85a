-- One meaning in one place (SQL Server): same tables, columns and meaning as sql/duckdb/0006_one_meaning.sql.
-- Code columns compare binary (Latin1_General_100_BIN2), as DuckDB does.
IF OBJECT_ID(N'etl.source', N'U') IS NULL
CREATE TABLE etl.source (
    source_id  VARCHAR(100)   COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_source PRIMARY KEY,
    kind       VARCHAR(12)    NOT NULL CONSTRAINT ck_source_kind CHECK (kind IN ('publication', 'document', 'synthetic')),
    title      NVARCHAR(500)  NOT NULL,
    publisher  NVARCHAR(300)  NULL,
    url        NVARCHAR(1000) NULL,
    published  VARCHAR(30)    NULL,
    unit_code  VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    note       NVARCHAR(2000) NULL
);
GO
IF COL_LENGTH(N'etl.submission', N'source_id') IS NULL
    ALTER TABLE etl.submission ADD source_id VARCHAR(100) COLLATE Latin1_General_100_BIN2 NULL;
IF COL_LENGTH(N'dw.dim_indicator', N'ratio_numerator') IS NULL
    ALTER TABLE dw.dim_indicator ADD ratio_numerator VARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL,
                                     ratio_denominator VARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL,
                                     ratio_scale DECIMAL(18,6) NULL;
IF COL_LENGTH(N'dw.fct_indicator_value', N'derived_from') IS NULL
    ALTER TABLE dw.fct_indicator_value ADD derived_from VARCHAR(10) NULL;
GO
ALTER TABLE dw.fct_indicator_value DROP CONSTRAINT ck_fct_indicator_value_source;
GO
UPDATE dw.fct_indicator_value
SET source = 'derived', source_ref = 'ratio', submission_id = NULL, derived_from = 'reported'
WHERE source_ref = 'derived';
ALTER TABLE dw.fct_indicator_value ADD
    CONSTRAINT ck_fct_indicator_value_source CHECK (source IN ('submission', 'claims', 'derived')),
    CONSTRAINT ck_fct_indicator_value_derived_from CHECK (derived_from IN ('reported', 'claims')),
    CONSTRAINT ck_fct_indicator_value_derivation CHECK ((source = 'derived' AND derived_from IS NOT NULL) OR (source <> 'derived' AND derived_from IS NULL));
GO
IF OBJECT_ID(N'etl.seq_refresh', N'SO') IS NULL CREATE SEQUENCE etl.seq_refresh AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.value_stage', N'U') IS NULL
CREATE TABLE etl.value_stage (
    run_id          BIGINT        NOT NULL,
    unit_key        INT           NOT NULL,
    period_key      INT           NOT NULL,
    indicator_key   INT           NOT NULL,
    value_kind      VARCHAR(6)    NOT NULL,
    value           DECIMAL(24,6) NOT NULL,
    source          VARCHAR(12)   NOT NULL,
    source_ref      NVARCHAR(100) NULL,
    derived_from    VARCHAR(10)   NULL,
    source_location NVARCHAR(300) NULL
);
GO
IF OBJECT_ID(N'etl.refresh_scope', N'U') IS NULL
CREATE TABLE etl.refresh_scope (
    run_id   BIGINT NOT NULL,
    unit_key INT    NOT NULL
);
GO
CREATE OR ALTER VIEW rpt.indicators AS
SELECT code, name_vi, name_en, unit, measure, annex, topic, sum_of, ratio_numerator, ratio_denominator, ratio_scale
FROM dw.dim_indicator;
GO
CREATE OR ALTER VIEW rpt.units AS
SELECT unit_code, name, level, parent_code, province_code, valid_from, valid_to, boundary_set
FROM dw.dim_unit;
GO
CREATE OR ALTER VIEW rpt.sources AS
SELECT source_id, kind, title, publisher, url, published, unit_code, note
FROM etl.source;
GO
CREATE OR ALTER VIEW rpt.derivations AS
SELECT derivation, name_vi, description
FROM (VALUES
    ('ratio', N'Tính từ hai chỉ tiêu', N'numerator / denominator × scale of the indicator''s ratio definition (rpt.indicators), from current values of the same unit, period and kind; only where the ratio itself was not reported'),
    ('map2025', N'Quy đổi từ đơn vị trước 2025', N'a 2025 unit''s figure for a period before 1/7/2025 = Σ predecessor figure × weight (rpt.unit_succession, same level), stocks and flows only, only when every predecessor has the figure'),
    ('map2025+ratio', N'Quy đổi từ đơn vị trước 2025, tính tỷ lệ', N'a ratio of a 2025 unit before 1/7/2025 computed from its mapped numerator and denominator (a rate is never summed)')
) AS d(derivation, name_vi, description);
GO
CREATE OR ALTER VIEW rpt.indicator_history AS
SELECT u.unit_code, u.name AS unit_name, u.level AS unit_level,
       p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end, p.kind AS period_kind,
       i.code AS indicator_code, f.value, f.value_kind,
       CASE WHEN src.kind = 'publication' THEN 'published' ELSE f.source END AS source,
       CASE WHEN f.source = 'submission' THEN s.source_id ELSE f.source_ref END AS source_ref,
       f.submission_id, u.boundary_set, f.derived_from,
       s.file_name, f.source_location, f.source_text, f.is_current, f.loaded_at
FROM dw.fct_indicator_value f
JOIN dw.dim_unit u ON u.unit_key = f.unit_key
JOIN dw.dim_period p ON p.period_key = f.period_key
JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
LEFT JOIN etl.submission s ON s.submission_id = f.submission_id
LEFT JOIN etl.source src ON src.source_id = s.source_id;
GO

-- The current values: the history without what was superseded (one definition of source and source_ref, above).
CREATE OR ALTER VIEW rpt.indicator_values AS
SELECT unit_code, unit_name, unit_level, period_label, period_start, period_end, period_kind, indicator_code, value, value_kind,
       source, source_ref, submission_id, boundary_set, derived_from
FROM rpt.indicator_history
WHERE is_current = 1;
GO
CREATE OR ALTER VIEW rpt.submissions AS
SELECT s.submission_id, s.file_name, s.sha256, s.kind, s.unit_code, s.received_at, s.status,
       s.rows_loaded, s.rows_rejected, s.warnings, s.source_id, u.boundary_set
FROM etl.submission s
LEFT JOIN dw.dim_unit u ON u.unit_key = s.unit_key;
GO

-- One meaning in one place (issue 14): where a figure came from, and the series derived from figures, as data.
--  * etl.source: the publications, documents and synthetic datasets figures come from (was: file-name prefixes);
--    a submission names its source.
--  * dw.dim_indicator: the catalog's ratio definitions (numerator / denominator × scale).
--  * dw.fct_indicator_value: source 'derived' for values the warehouse computes (the catalog's ratios, a 2025 unit's
--    earlier years mapped from its predecessors), with the derivation in source_ref ('ratio', 'map2025',
--    'map2025+ratio') and what it was computed from in derived_from ('reported' or 'claims'). Derived values were
--    stored as source 'submission', source_ref 'derived' (fund ratios): they are relabelled here.
--  * etl.value_stage / etl.refresh_scope: work tables of a refresh inside a load's transaction (empty between loads).
-- Same tables, columns and meaning on SQL Server (sql/sqlserver/0006_one_meaning.sql).
CREATE TABLE IF NOT EXISTS etl.source (
    source_id  VARCHAR(100)  NOT NULL PRIMARY KEY,
    kind       VARCHAR(12)   NOT NULL CHECK (kind IN ('publication', 'document', 'synthetic')),
    title      VARCHAR(500)  NOT NULL,
    publisher  VARCHAR(300),
    url        VARCHAR(1000),
    published  VARCHAR(30),
    unit_code  VARCHAR(10),
    note       VARCHAR(2000)
);

ALTER TABLE etl.submission ADD COLUMN source_id VARCHAR(100);

ALTER TABLE dw.dim_indicator ADD COLUMN ratio_numerator VARCHAR(60);
ALTER TABLE dw.dim_indicator ADD COLUMN ratio_denominator VARCHAR(60);
ALTER TABLE dw.dim_indicator ADD COLUMN ratio_scale DECIMAL(18,6);

-- DuckDB cannot change a CHECK constraint in place: the table is rebuilt (the rpt views bind by name).
CREATE TABLE dw.fct_indicator_value_0006 (
    value_id        BIGINT         NOT NULL PRIMARY KEY,
    unit_key        INTEGER        NOT NULL,
    period_key      INTEGER        NOT NULL,
    indicator_key   INTEGER        NOT NULL,
    value_kind      VARCHAR(6)     NOT NULL CHECK (value_kind IN ('actual', 'target')),
    value           DECIMAL(24,6)  NOT NULL,
    source          VARCHAR(12)    NOT NULL CHECK (source IN ('submission', 'claims', 'derived')),
    source_ref      VARCHAR(100),
    submission_id   BIGINT,
    source_location VARCHAR(300),
    source_text     VARCHAR(500),
    is_current      BOOLEAN        NOT NULL,
    superseded_by   BIGINT,
    loaded_at       TIMESTAMP      NOT NULL,
    derived_from    VARCHAR(10)    CHECK (derived_from IN ('reported', 'claims')),
    CHECK ((source = 'derived') = (derived_from IS NOT NULL))
);

INSERT INTO dw.fct_indicator_value_0006
SELECT value_id, unit_key, period_key, indicator_key, value_kind, value,
       CASE WHEN source_ref = 'derived' THEN 'derived' ELSE source END,
       CASE WHEN source_ref = 'derived' THEN 'ratio' ELSE source_ref END,
       CASE WHEN source_ref = 'derived' THEN NULL ELSE submission_id END,
       source_location, source_text, is_current, superseded_by, loaded_at,
       CASE WHEN source_ref = 'derived' THEN 'reported' END
FROM dw.fct_indicator_value;

DROP TABLE dw.fct_indicator_value;
ALTER TABLE dw.fct_indicator_value_0006 RENAME TO fct_indicator_value;

CREATE SEQUENCE IF NOT EXISTS etl.seq_refresh START 1;

CREATE TABLE IF NOT EXISTS etl.value_stage (
    run_id          BIGINT        NOT NULL,
    unit_key        INTEGER       NOT NULL,
    period_key      INTEGER       NOT NULL,
    indicator_key   INTEGER       NOT NULL,
    value_kind      VARCHAR(6)    NOT NULL,
    value           DECIMAL(24,6) NOT NULL,
    source          VARCHAR(12)   NOT NULL,
    source_ref      VARCHAR(100),
    derived_from    VARCHAR(10),
    source_location VARCHAR(300)
);

CREATE TABLE IF NOT EXISTS etl.refresh_scope (
    run_id   BIGINT  NOT NULL,
    unit_key INTEGER NOT NULL
);

-- The reporting views with the meanings above (spec/interfaces.md). Extra columns beyond the spec come last.
CREATE OR REPLACE VIEW rpt.indicators AS
SELECT code, name_vi, name_en, unit, measure, annex, topic, sum_of, ratio_numerator, ratio_denominator, ratio_scale
FROM dw.dim_indicator;

-- boundary_set: pre2025 (63 provinces, their districts and communes until 30/6/2025), post2025 (34 provinces and
-- their communes from 1/7/2025), national (the country, the same in both). Codes are reused across the reform, so
-- (unit_code, boundary_set) names a unit.
CREATE OR REPLACE VIEW rpt.units AS
SELECT unit_code, name, level, parent_code, province_code, valid_from, valid_to, boundary_set
FROM dw.dim_unit;

CREATE OR REPLACE VIEW rpt.sources AS
SELECT source_id, kind, title, publisher, url, published, unit_code, note
FROM etl.source;

CREATE OR REPLACE VIEW rpt.derivations AS
SELECT derivation, name_vi, description
FROM (VALUES
    ('ratio', 'Tính từ hai chỉ tiêu', 'numerator / denominator × scale of the indicator''s ratio definition (rpt.indicators), from current values of the same unit, period and kind; only where the ratio itself was not reported'),
    ('map2025', 'Quy đổi từ đơn vị trước 2025', 'a 2025 unit''s figure for a period before 1/7/2025 = Σ predecessor figure × weight (rpt.unit_succession, same level), stocks and flows only, only when every predecessor has the figure'),
    ('map2025+ratio', 'Quy đổi từ đơn vị trước 2025, tính tỷ lệ', 'a ratio of a 2025 unit before 1/7/2025 computed from its mapped numerator and denominator (a rate is never summed)')
) AS d(derivation, name_vi, description);

-- source: submission (a locality's report), published (a publication of etl.source), claims (computed from
-- dw.fct_claim), derived (computed by the warehouse: source_ref names the derivation of rpt.derivations and
-- derived_from the kind of figures it was computed from, reported or claims). For reported figures source_ref is
-- the submission's source (rpt.sources) when it names one.
CREATE OR REPLACE VIEW rpt.indicator_history AS
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

-- The current values: the history without what was superseded (one definition of source and source_ref, above).
CREATE OR REPLACE VIEW rpt.indicator_values AS
SELECT unit_code, unit_name, unit_level, period_label, period_start, period_end, period_kind, indicator_code, value, value_kind,
       source, source_ref, submission_id, boundary_set, derived_from
FROM rpt.indicator_history
WHERE is_current;

CREATE OR REPLACE VIEW rpt.submissions AS
SELECT s.submission_id, s.file_name, s.sha256, s.kind, s.unit_code, s.received_at, s.status,
       s.rows_loaded, s.rows_rejected, s.warnings, s.source_id, u.boundary_set
FROM etl.submission s
LEFT JOIN dw.dim_unit u ON u.unit_key = s.unit_key;

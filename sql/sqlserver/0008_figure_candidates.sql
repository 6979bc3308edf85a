-- Figures read from a report's running text (issue 15), SQL Server side: same tables, columns and meaning as
-- sql/duckdb/0008_figure_candidates.sql (read the columns' meaning there). Code columns compare binary
-- (Latin1_General_100_BIN2), as DuckDB does.
IF OBJECT_ID(N'etl.seq_figure_candidate', N'SO') IS NULL CREATE SEQUENCE etl.seq_figure_candidate AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.figure_candidate', N'U') IS NULL
CREATE TABLE etl.figure_candidate (
    candidate_id             BIGINT         NOT NULL CONSTRAINT pk_figure_candidate PRIMARY KEY,
    submission_id            BIGINT         NOT NULL,
    location                 NVARCHAR(300)  NOT NULL,
    unit_code                VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    period_label             VARCHAR(30)    COLLATE Latin1_General_100_BIN2 NULL,
    indicator_code           VARCHAR(60)    COLLATE Latin1_General_100_BIN2 NULL,
    value_kind               VARCHAR(6)     NOT NULL CONSTRAINT ck_figure_candidate_kind CHECK (value_kind IN ('actual', 'target')),
    value                    DECIMAL(24,6)  NOT NULL,
    value_unit               VARCHAR(20)    NULL,
    value_text               NVARCHAR(100)  NOT NULL,
    confidence               DECIMAL(4,3)   NOT NULL CONSTRAINT ck_figure_candidate_confidence CHECK (confidence BETWEEN 0 AND 1),
    sentence                 NVARCHAR(2000) NOT NULL,
    span_start               INT            NOT NULL,
    span_length              INT            NOT NULL,
    status                   VARCHAR(8)     NOT NULL CONSTRAINT ck_figure_candidate_status CHECK (status IN ('open', 'accepted', 'rejected')),
    created_at               DATETIME2(3)   NOT NULL,
    reviewed_by              NVARCHAR(100)  NULL,
    reviewed_at              DATETIME2(3)   NULL,
    corrected_unit_code      VARCHAR(10)    COLLATE Latin1_General_100_BIN2 NULL,
    corrected_period_label   VARCHAR(30)    COLLATE Latin1_General_100_BIN2 NULL,
    corrected_indicator_code VARCHAR(60)    COLLATE Latin1_General_100_BIN2 NULL,
    corrected_value_kind     VARCHAR(6)     NULL CONSTRAINT ck_figure_candidate_corrected_kind CHECK (corrected_value_kind IN ('actual', 'target')),
    corrected_value          DECIMAL(24,6)  NULL,
    accepted_submission_id   BIGINT         NULL
);
GO
CREATE OR ALTER VIEW rpt.figure_candidates AS
SELECT c.candidate_id, c.submission_id, s.file_name, c.location, c.unit_code, c.period_label, c.indicator_code, i.name_vi AS indicator_name,
       c.value_kind, c.value, c.value_unit, c.value_text, c.confidence, c.sentence, c.span_start, c.span_length, c.status, c.created_at,
       c.reviewed_by, c.reviewed_at, c.corrected_unit_code, c.corrected_period_label, c.corrected_indicator_code, c.corrected_value_kind,
       c.corrected_value, c.accepted_submission_id
FROM etl.figure_candidate c
LEFT JOIN etl.submission s ON s.submission_id = c.submission_id
LEFT JOIN dw.dim_indicator i ON i.code = c.indicator_code;
GO

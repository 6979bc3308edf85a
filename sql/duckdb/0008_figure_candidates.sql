-- Figures read from a report's running text (issue 15): candidates for review, never facts by themselves. Mirrors
-- sql/sqlserver/0008_figure_candidates.sql.
--  * etl.figure_candidate: one row per number of a sentence that names an indicator in the number's unit. unit_code,
--    period_label, indicator_code and value_kind are the reading (null where the sentence and the document did not
--    say); value is in the indicator's catalog unit (value_unit: percent, persons, visits, million_vnd…) and value_text
--    is the number as written with its unit words, found at span_start (0-based, characters) for span_length in
--    sentence; confidence (0–1) says how much the sentence itself stated. status open → accepted | rejected, with who
--    and when; an accepted candidate names the corrections the analyst made (corrected_*) and the submission (kind
--    'review') its figure was loaded as, whose source_text is the sentence and source_location the candidate id.
--  * rpt.figure_candidates: the candidates with the file they came from (file_name) and the indicator's catalog name
--    (indicator_name); every other column as in etl.figure_candidate.
CREATE SEQUENCE IF NOT EXISTS etl.seq_figure_candidate START 1;

CREATE TABLE IF NOT EXISTS etl.figure_candidate (
    candidate_id             BIGINT         NOT NULL PRIMARY KEY,
    submission_id            BIGINT         NOT NULL,
    location                 VARCHAR(300)   NOT NULL,
    unit_code                VARCHAR(10),
    period_label             VARCHAR(30),
    indicator_code           VARCHAR(60),
    value_kind               VARCHAR(6)     NOT NULL CHECK (value_kind IN ('actual', 'target')),
    value                    DECIMAL(24,6)  NOT NULL,
    value_unit               VARCHAR(20),
    value_text               VARCHAR(100)   NOT NULL,
    confidence               DECIMAL(4,3)   NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    sentence                 VARCHAR(2000)  NOT NULL,
    span_start               INTEGER        NOT NULL,
    span_length              INTEGER        NOT NULL,
    status                   VARCHAR(8)     NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    created_at               TIMESTAMP      NOT NULL,
    reviewed_by              VARCHAR(100),
    reviewed_at              TIMESTAMP,
    corrected_unit_code      VARCHAR(10),
    corrected_period_label   VARCHAR(30),
    corrected_indicator_code VARCHAR(60),
    corrected_value_kind     VARCHAR(6)     CHECK (corrected_value_kind IN ('actual', 'target')),
    corrected_value          DECIMAL(24,6),
    accepted_submission_id   BIGINT
);

CREATE OR REPLACE VIEW rpt.figure_candidates AS
SELECT c.candidate_id, c.submission_id, s.file_name, c.location, c.unit_code, c.period_label, c.indicator_code, i.name_vi AS indicator_name,
       c.value_kind, c.value, c.value_unit, c.value_text, c.confidence, c.sentence, c.span_start, c.span_length, c.status, c.created_at,
       c.reviewed_by, c.reviewed_at, c.corrected_unit_code, c.corrected_period_label, c.corrected_indicator_code, c.corrected_value_kind,
       c.corrected_value, c.accepted_submission_id
FROM etl.figure_candidate c
LEFT JOIN etl.submission s ON s.submission_id = c.submission_id
LEFT JOIN dw.dim_indicator i ON i.code = c.indicator_code;

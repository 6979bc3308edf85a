-- Issue 17 item 4: resubmissions. A later file's claim with the same MA_LK at the same facility replaces the row in
-- dw.fct_claim, so every query and aggregate over dw.fct_claim counts each claim once; the row it replaced moves here,
-- whole, with the submission that had loaded it (submission_id, as in dw.fct_claim), when it was replaced and by which
-- submission. A claim identical in content to the current row is not a new version. Same table on SQL Server
-- (sql/sqlserver/0013_claim_versions.sql).
CREATE TABLE IF NOT EXISTS dw.fct_claim_version (
    claim_key              BIGINT        NOT NULL,
    claim_id               VARCHAR(100)  NOT NULL,
    card_pseudonym         VARCHAR(64)   NOT NULL,
    facility_key           INTEGER,
    facility_code          VARCHAR(20)   NOT NULL,
    residence_province     VARCHAR(10),
    visit_type             VARCHAR(12)   NOT NULL CHECK (visit_type IN ('exam', 'outpatient', 'inpatient')),
    visit_type_code        VARCHAR(4),
    admitted_at            TIMESTAMP     NOT NULL,
    discharged_at          TIMESTAMP,
    month_key              INTEGER       NOT NULL,
    length_of_stay         INTEGER,
    primary_icd            VARCHAR(20),
    total_cost             DECIMAL(18,2) NOT NULL,
    insurer_paid           DECIMAL(18,2),
    patient_paid           DECIMAL(18,2),
    drug_cost              DECIMAL(18,2),
    supplies_cost          DECIMAL(18,2),
    submission_id          BIGINT        NOT NULL,
    source_row             INTEGER       NOT NULL,
    superseded_at          TIMESTAMP     NOT NULL,
    superseded_by          BIGINT        NOT NULL
);

-- Every version of the claims that have been resubmitted: the replaced ones and the current one, each with the file that
-- brought it. No card pseudonym: the history of a claim, not of a patient.
CREATE OR REPLACE VIEW rpt.claim_versions AS
SELECT v.claim_id, v.facility_code, v.submission_id, s.file_name, p.start_date AS month, v.visit_type, v.total_cost, v.insurer_paid,
       v.is_current, v.superseded_at, v.superseded_by,
       count(*) OVER (PARTITION BY v.claim_id, v.facility_code) AS versions
FROM (SELECT h.claim_id, h.facility_code, h.submission_id, h.month_key, h.visit_type, h.total_cost, h.insurer_paid,
             false AS is_current, h.superseded_at, h.superseded_by
      FROM dw.fct_claim_version h
      UNION ALL
      SELECT c.claim_id, c.facility_code, c.submission_id, c.month_key, c.visit_type, c.total_cost, c.insurer_paid,
             true, NULL, NULL
      FROM dw.fct_claim c
      WHERE EXISTS (SELECT 1 FROM dw.fct_claim_version h WHERE h.claim_id = c.claim_id AND h.facility_code = c.facility_code)) v
JOIN dw.dim_period p ON p.period_key = v.month_key
LEFT JOIN etl.submission s ON s.submission_id = v.submission_id;

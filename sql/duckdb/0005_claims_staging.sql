-- Staging for claim loads: a file's rows land here first (tagged with their submission), are checked as a set
-- (unknown facilities, claims already loaded), then moved into dw.fct_claim and removed.
CREATE TABLE IF NOT EXISTS etl.stg_claim (
    submission_id      BIGINT        NOT NULL,
    source_row         INTEGER       NOT NULL,
    claim_id           VARCHAR(100)  NOT NULL,
    card_pseudonym     VARCHAR(64)   NOT NULL,
    facility_code      VARCHAR(20)   NOT NULL,
    residence_province VARCHAR(10),
    visit_type         VARCHAR(12)   NOT NULL,
    visit_type_code    VARCHAR(4),
    admitted_at        TIMESTAMP     NOT NULL,
    discharged_at      TIMESTAMP,
    month_key          INTEGER       NOT NULL,
    length_of_stay     INTEGER,
    primary_icd        VARCHAR(20),
    total_cost         DECIMAL(18,2) NOT NULL,
    insurer_paid       DECIMAL(18,2),
    patient_paid       DECIMAL(18,2),
    drug_cost          DECIMAL(18,2),
    supplies_cost      DECIMAL(18,2)
);

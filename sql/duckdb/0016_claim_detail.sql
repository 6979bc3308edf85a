-- Issue 17 item 2: the claim-detail fact, one row per line of a claim's detail tables XML2 (drugs) and XML3 (services and
-- supplies), for the current version of each claim (claim_key is its row in dw.fct_claim; when a resubmission replaces a
-- claim, the replaced version's lines are deleted with it — dw.fct_claim_version keeps its XML1 totals). category comes
-- from the cost group MA_NHOM (cost_group, as written) through etl/Loading/Details/cost_groups.csv: drug (4, 5, 6, 7, 17),
-- supplies (10, 11), services (1, 2, 3, 8, 9, 12, 18), examination (13), bed_day (14, 15, 16); a line without a known
-- MA_NHOM falls back by its table (XML2 drug; XML3 supplies when it names MA_VAT_TU, else services) with a warning.
-- amount = THANH_TIEN_BV (QĐ 130) or THANH_TIEN (QĐ 4210); insured_amount = THANH_TIEN_BH (QĐ 130 only); insurer_paid =
-- T_BHTT. No personal field: the lines hold codes and money only. Same on SQL Server (sql/sqlserver/0016_claim_detail.sql).
CREATE TABLE IF NOT EXISTS dw.fct_claim_detail (
    claim_key      BIGINT        NOT NULL,
    claim_id       VARCHAR(100)  NOT NULL,
    facility_code  VARCHAR(20)   NOT NULL,
    month_key      INTEGER       NOT NULL,
    submission_id  BIGINT        NOT NULL,
    source_table   VARCHAR(4)    NOT NULL CHECK (source_table IN ('XML2', 'XML3')),
    line_no        INTEGER,
    cost_group     VARCHAR(10),
    category       VARCHAR(12)   NOT NULL CHECK (category IN ('drug', 'supplies', 'services', 'examination', 'bed_day')),
    item_code      VARCHAR(255),
    quantity       DECIMAL(18,4),
    unit_price     DECIMAL(18,4),
    amount         DECIMAL(18,2),
    insured_amount DECIMAL(18,2),
    insurer_paid   DECIMAL(18,2)
);

-- Work table of a claims load (empty between loads): the lines wait here, inside the load's transaction, until the
-- file's claims are in dw.fct_claim; claim_group numbers the HOSO they came from, file_name is the .zip entry.
CREATE TABLE IF NOT EXISTS etl.claim_detail_stage (
    submission_id  BIGINT        NOT NULL,
    claim_group    BIGINT        NOT NULL,
    file_name      VARCHAR(300),
    claim_id       VARCHAR(100)  NOT NULL,
    source_table   VARCHAR(4)    NOT NULL,
    line_no        INTEGER,
    cost_group     VARCHAR(10),
    category       VARCHAR(12)   NOT NULL,
    item_code      VARCHAR(255),
    quantity       DECIMAL(18,4),
    unit_price     DECIMAL(18,4),
    amount         DECIMAL(18,2),
    insured_amount DECIMAL(18,2),
    insurer_paid   DECIMAL(18,2)
);

-- The monthly aggregate gains the categories only the detail tables give, summed over the claims that came with them,
-- and how many claims did (claims_with_details): a page knows whether the categories are complete. drug_cost and
-- supplies_cost stay XML1's T_THUOC and T_VTYT, which every claim has.
ALTER TABLE dw.fct_claims_monthly ADD COLUMN IF NOT EXISTS services_cost DECIMAL(20,2) DEFAULT 0;
ALTER TABLE dw.fct_claims_monthly ADD COLUMN IF NOT EXISTS examination_cost DECIMAL(20,2) DEFAULT 0;
ALTER TABLE dw.fct_claims_monthly ADD COLUMN IF NOT EXISTS bed_day_cost DECIMAL(20,2) DEFAULT 0;
ALTER TABLE dw.fct_claims_monthly ADD COLUMN IF NOT EXISTS claims_with_details BIGINT DEFAULT 0;

-- Promised columns first, then the detail categories: NULL (not 0) where no claim of the row came with details.
CREATE OR REPLACE VIEW rpt.claims_monthly AS
SELECT p.start_date AS month, m.province_code, m.facility_code, m.facility_tier, m.visit_type,
       m.claims, m.patients, m.bed_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.services_cost END AS services_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.examination_cost END AS examination_cost,
       CASE WHEN m.claims_with_details > 0 THEN m.bed_day_cost END AS bed_day_cost,
       m.claims_with_details
FROM dw.fct_claims_monthly m
JOIN dw.dim_period p ON p.period_key = m.month_key;

-- The lines of the current claims' detail tables (XML2, XML3): claim (MA_LK at its facility), month of the claim, the
-- file that brought it, the line (STT), its cost group as written and the category it counts in, item code (MA_THUOC,
-- MA_VAT_TU or MA_DICH_VU), quantity, unit price, amount at hospital prices, amount within the insurance scope and the
-- insurer's part. No card pseudonym: lines of a claim, not of a patient.
CREATE OR REPLACE VIEW rpt.claim_details AS
SELECT d.claim_id, d.facility_code, p.start_date AS month, d.submission_id, s.file_name, d.source_table, d.line_no, d.cost_group,
       d.category, d.item_code, d.quantity, d.unit_price, d.amount, d.insured_amount, d.insurer_paid
FROM dw.fct_claim_detail d
JOIN dw.dim_period p ON p.period_key = d.month_key
LEFT JOIN etl.submission s ON s.submission_id = d.submission_id;

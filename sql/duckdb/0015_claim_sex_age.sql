-- Issue 17 item 2: a claim keeps of the patient only sex (GIOI_TINH: 1 male, 2 female, 3 undetermined) and the age band at
-- admission computed from NGAY_SINH (bands defined once, in etl/Sources/Claims/ClaimDemographics.cs: 0-5, 6-14, 15-24, 25-44,
-- 45-59, 60-79, 80+). Null when the file has no value, or (age band) when the birth date cannot be read or falls after
-- admission (a validation warning, not a rejection). The birth date itself is never stored. dw.fct_claim_version takes whole
-- rows of dw.fct_claim, so both gain the columns, in the same order. Same on SQL Server (sql/sqlserver/0015_claim_sex_age.sql).
ALTER TABLE dw.fct_claim ADD COLUMN IF NOT EXISTS sex INTEGER;
ALTER TABLE dw.fct_claim ADD COLUMN IF NOT EXISTS age_band VARCHAR(8);
ALTER TABLE dw.fct_claim_version ADD COLUMN IF NOT EXISTS sex INTEGER;
ALTER TABLE dw.fct_claim_version ADD COLUMN IF NOT EXISTS age_band VARCHAR(8);

-- Issue 17 item 2 (SQL Server): same columns as sql/duckdb/0015_claim_sex_age.sql — sex (GIOI_TINH: 1 male, 2 female,
-- 3 undetermined) and the age band at admission from NGAY_SINH (bands defined once, in ClaimDemographics.cs); the birth
-- date itself is never stored. dw.fct_claim_version takes whole rows of dw.fct_claim, so both gain them in the same order.
IF COL_LENGTH(N'dw.fct_claim', N'sex') IS NULL
    ALTER TABLE dw.fct_claim ADD sex INT NULL CONSTRAINT ck_fct_claim_sex CHECK (sex IN (1, 2, 3));
GO
IF COL_LENGTH(N'dw.fct_claim', N'age_band') IS NULL
    ALTER TABLE dw.fct_claim ADD age_band VARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL;
GO
IF COL_LENGTH(N'dw.fct_claim_version', N'sex') IS NULL
    ALTER TABLE dw.fct_claim_version ADD sex INT NULL;
GO
IF COL_LENGTH(N'dw.fct_claim_version', N'age_band') IS NULL
    ALTER TABLE dw.fct_claim_version ADD age_band VARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL;
GO

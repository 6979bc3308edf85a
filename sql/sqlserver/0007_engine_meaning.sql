-- Engines with one meaning (issue 14), SQL Server side. Mirrors sql/duckdb/0007_engine_meaning.sql.
--
-- 1. Codes compare binary. DuckDB compares strings byte by byte; a SQL Server database usually has a case- and
--    accent-insensitive default collation. Left as they were, the same data would mean different things on the two
--    engines: a claim is already loaded when its MA_LK is seen again at the same facility, so 'lk001' and 'LK001'
--    would be one claim on SQL Server and two on DuckDB; a facility code would be unique on one engine and duplicated
--    on the other; GROUP BY and ORDER BY over codes (pages, CSV exports, rpt queries) would group and sort
--    differently. Every code column therefore uses Latin1_General_100_BIN2 (code-point order, as DuckDB): unit,
--    province and parent codes, indicator codes, period labels, facility codes, claim ids (MA_LK), card pseudonyms,
--    ICD and visit-type codes, file hashes, rule ids and anomaly subjects. ALTER COLUMN restates each column's type,
--    length and NULL/NOT NULL as 0001-0003 declared them (ALTER COLUMN makes a column nullable unless told).
--    A column inside a UNIQUE or PRIMARY KEY constraint cannot change collation, so its constraint is found by its
--    columns (whatever its name), dropped, and re-created under its stable name after the ALTER. Statistics created
--    with CREATE STATISTICS block the ALTER too and are dropped (auto-created ones SQL Server drops itself); any
--    other index on a code column makes the ALTER fail and the whole migration roll back, which is the safe outcome.
--    The rpt views are not schema-bound (0004, 0005), so the ALTER works under them; they are refreshed at the end
--    so that their metadata carries the new collation. Codes are ASCII, so no value changes in the conversion.
-- 2. Indexes for the access paths of the loaders and the pages (section 2 below names each path). They are created
--    in the migration's transaction and offline: on a large dw.fct_claim this takes a maintenance window.
-- 3. The analysts' role: bhyt_rpt_reader may SELECT the rpt views and nothing else; ownership chaining (rpt, dw and
--    etl are all owned by the schema owner that ran the migrations) lets it read the views without rights on the
--    tables. The read-only door refuses a login that can do more (warehouse/Engines/SqlServerReaderLogin.cs).
IF OBJECT_ID(N'tempdb..#bhyt_drop_key') IS NOT NULL DROP PROCEDURE #bhyt_drop_key;
IF OBJECT_ID(N'tempdb..#bhyt_drop_user_statistics') IS NOT NULL DROP PROCEDURE #bhyt_drop_user_statistics;
GO
-- Drops the PRIMARY KEY or UNIQUE constraint of @table whose key columns are exactly @columns (comma-separated, in key
-- order), whatever its name: a name given by the server differs from one database to the next.
CREATE PROCEDURE #bhyt_drop_key @table NVARCHAR(300), @columns NVARCHAR(400)
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @sql NVARCHAR(MAX) = N'';
    SELECT @sql += N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(k.parent_object_id)) + N'.' + QUOTENAME(OBJECT_NAME(k.parent_object_id))
                 + N' DROP CONSTRAINT ' + QUOTENAME(k.name) + N'; '
    FROM sys.key_constraints k
    WHERE k.parent_object_id = OBJECT_ID(@table)
      AND STUFF((SELECT N',' + c.name
                 FROM sys.index_columns ic
                 JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                 WHERE ic.object_id = k.parent_object_id AND ic.index_id = k.unique_index_id AND ic.key_ordinal > 0
                 ORDER BY ic.key_ordinal
                 FOR XML PATH(N''), TYPE).value(N'.', N'NVARCHAR(MAX)'), 1, 1, N'') = @columns;
    EXEC sys.sp_executesql @sql;
END
GO
-- Drops the statistics made with CREATE STATISTICS on any of @columns (comma-separated) of @table.
CREATE PROCEDURE #bhyt_drop_user_statistics @table NVARCHAR(300), @columns NVARCHAR(1000)
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @sql NVARCHAR(MAX) = N'';
    SELECT @sql += N'DROP STATISTICS ' + QUOTENAME(OBJECT_SCHEMA_NAME(s.object_id)) + N'.' + QUOTENAME(OBJECT_NAME(s.object_id))
                 + N'.' + QUOTENAME(s.name) + N'; '
    FROM sys.stats s
    WHERE s.object_id = OBJECT_ID(@table) AND s.user_created = 1
      AND EXISTS (SELECT 1
                  FROM sys.stats_columns sc
                  JOIN sys.columns c ON c.object_id = sc.object_id AND c.column_id = sc.column_id
                  WHERE sc.object_id = s.object_id AND sc.stats_id = s.stats_id
                    AND CHARINDEX(N',' + c.name + N',', N',' + @columns + N',') > 0);
    EXEC sys.sp_executesql @sql;
END
GO
-- 1. Binary codes.
EXEC #bhyt_drop_key N'dw.dim_unit', N'unit_code,valid_from';
EXEC #bhyt_drop_key N'dw.dim_period', N'label';
EXEC #bhyt_drop_key N'dw.dim_indicator', N'code';
EXEC #bhyt_drop_key N'dw.dim_facility', N'facility_code';
EXEC #bhyt_drop_user_statistics N'dw.dim_unit', N'unit_code,parent_code,province_code';
EXEC #bhyt_drop_user_statistics N'dw.dim_period', N'label';
EXEC #bhyt_drop_user_statistics N'dw.dim_indicator', N'code';
EXEC #bhyt_drop_user_statistics N'dw.dim_facility', N'facility_code,unit_code,province_code';
EXEC #bhyt_drop_user_statistics N'etl.submission', N'sha256,unit_code';
EXEC #bhyt_drop_user_statistics N'etl.validation_issue', N'rule,unit_code,period_label,indicator_code';
EXEC #bhyt_drop_user_statistics N'etl.reference_load', N'sha256';
EXEC #bhyt_drop_user_statistics N'dw.fct_claim', N'claim_id,card_pseudonym,facility_code,residence_province,visit_type_code,primary_icd';
EXEC #bhyt_drop_user_statistics N'dw.fct_claims_monthly', N'province_code,facility_code';
EXEC #bhyt_drop_user_statistics N'dw.anomaly', N'subject_code,period_label';
EXEC #bhyt_drop_user_statistics N'dw.alert', N'rule,unit_code,period_label';
GO
ALTER TABLE dw.dim_unit ALTER COLUMN unit_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.dim_unit ALTER COLUMN parent_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.dim_unit ALTER COLUMN province_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.dim_period ALTER COLUMN label VARCHAR(30) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.dim_indicator ALTER COLUMN code VARCHAR(60) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.dim_facility ALTER COLUMN facility_code VARCHAR(20) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.dim_facility ALTER COLUMN unit_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.dim_facility ALTER COLUMN province_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE etl.submission ALTER COLUMN sha256 CHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE etl.submission ALTER COLUMN unit_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE etl.validation_issue ALTER COLUMN [rule] VARCHAR(60) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE etl.validation_issue ALTER COLUMN unit_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE etl.validation_issue ALTER COLUMN period_label VARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE etl.validation_issue ALTER COLUMN indicator_code VARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE etl.reference_load ALTER COLUMN sha256 CHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN claim_id VARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN card_pseudonym CHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN facility_code VARCHAR(20) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN residence_province VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN visit_type_code VARCHAR(4) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.fct_claim ALTER COLUMN primary_icd VARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.fct_claims_monthly ALTER COLUMN province_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.fct_claims_monthly ALTER COLUMN facility_code VARCHAR(20) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.anomaly ALTER COLUMN subject_code VARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.anomaly ALTER COLUMN period_label VARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.alert ALTER COLUMN [rule] VARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE dw.alert ALTER COLUMN unit_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE dw.alert ALTER COLUMN period_label VARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL;
GO
ALTER TABLE dw.dim_unit ADD CONSTRAINT uq_dim_unit_code UNIQUE (unit_code, valid_from);
ALTER TABLE dw.dim_period ADD CONSTRAINT uq_dim_period_label UNIQUE (label);
ALTER TABLE dw.dim_indicator ADD CONSTRAINT uq_dim_indicator_code UNIQUE (code);
ALTER TABLE dw.dim_facility ADD CONSTRAINT uq_dim_facility_code UNIQUE (facility_code);
GO
-- 2. Access paths.
-- The claims loader (etl/Loading/ClaimStore.cs): claims already loaded are found by grouping and ranking every claim
-- by (MA_LK, facility) and keeping the first per group (ordered by claim_key, this file's rows last), then this file's
-- extra rows are deleted by submission_id; the months the file touched come from its own rows, and the monthly
-- aggregate is rebuilt from all claims of those months. dw.fct_claim is a heap without any index before this.
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim'), N'ix_fct_claim_facility_claim', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_facility_claim ON dw.fct_claim (facility_code, claim_id) INCLUDE (claim_key, submission_id);
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim'), N'ix_fct_claim_submission', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_submission ON dw.fct_claim (submission_id) INCLUDE (month_key);
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claim'), N'ix_fct_claim_month', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claim_month ON dw.fct_claim (month_key);
-- Values: rpt.indicator_values / indicator_history (the pages ask for a unit's indicators, current only), the jump
-- check (current values of the file's units) and the supersede UPDATE of etl/Loading/SubmissionStore.cs (current
-- rows of the same unit, period, indicator and kind as the new submission's rows, found from the new rows by
-- submission_id).
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_indicator_value'), N'ix_fct_indicator_value_unit_indicator', N'IndexID') IS NULL
    CREATE INDEX ix_fct_indicator_value_unit_indicator ON dw.fct_indicator_value (unit_key, indicator_key, is_current)
        INCLUDE (period_key, value_kind, value, source, source_ref, submission_id);
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_indicator_value'), N'ix_fct_indicator_value_submission', N'IndexID') IS NULL
    CREATE INDEX ix_fct_indicator_value_submission ON dw.fct_indicator_value (submission_id)
        INCLUDE (is_current, unit_key, period_key, indicator_key, value_kind, source_ref);
-- rpt.claims_monthly by month range (Khám chữa bệnh page) and the loader's rebuild of the touched months.
IF INDEXPROPERTY(OBJECT_ID(N'dw.fct_claims_monthly'), N'ix_fct_claims_monthly_month', N'IndexID') IS NULL
    CREATE INDEX ix_fct_claims_monthly_month ON dw.fct_claims_monthly (month_key);
-- A submission's issues (Báo cáo nộp), the re-import check by file hash and a unit's submissions.
IF INDEXPROPERTY(OBJECT_ID(N'etl.validation_issue'), N'ix_validation_issue_submission', N'IndexID') IS NULL
    CREATE INDEX ix_validation_issue_submission ON etl.validation_issue (submission_id);
IF INDEXPROPERTY(OBJECT_ID(N'etl.submission'), N'ix_submission_sha256', N'IndexID') IS NULL
    CREATE INDEX ix_submission_sha256 ON etl.submission (sha256) INCLUDE (status);
IF INDEXPROPERTY(OBJECT_ID(N'etl.submission'), N'ix_submission_unit', N'IndexID') IS NULL
    CREATE INDEX ix_submission_unit ON etl.submission (unit_code);
-- Units below a unit: children by parent_code, a province's units by province_code (Báo cáo nộp, drill-down).
IF INDEXPROPERTY(OBJECT_ID(N'dw.dim_unit'), N'ix_dim_unit_parent', N'IndexID') IS NULL
    CREATE INDEX ix_dim_unit_parent ON dw.dim_unit (parent_code);
IF INDEXPROPERTY(OBJECT_ID(N'dw.dim_unit'), N'ix_dim_unit_province', N'IndexID') IS NULL
    CREATE INDEX ix_dim_unit_province ON dw.dim_unit (province_code);
-- Alerts of a unit and the units below it (Cảnh báo).
IF INDEXPROPERTY(OBJECT_ID(N'dw.alert'), N'ix_alert_unit', N'IndexID') IS NULL
    CREATE INDEX ix_alert_unit ON dw.alert (unit_code);
GO
-- The rpt views' metadata follows the new collation of the columns below them.
DECLARE @refresh NVARCHAR(MAX) = N'';
SELECT @refresh += N'EXEC sys.sp_refreshview N''' + QUOTENAME(SCHEMA_NAME(v.schema_id)) + N'.' + QUOTENAME(v.name) + N'''; '
FROM sys.views v
WHERE v.schema_id = SCHEMA_ID(N'rpt');
EXEC sys.sp_executesql @refresh;
GO
-- 3. The analysts' role: the rpt views, nothing else.
IF DATABASE_PRINCIPAL_ID(N'bhyt_rpt_reader') IS NULL CREATE ROLE bhyt_rpt_reader;
GO
GRANT SELECT ON SCHEMA::rpt TO bhyt_rpt_reader;
GO
DROP PROCEDURE #bhyt_drop_key;
DROP PROCEDURE #bhyt_drop_user_statistics;
GO

-- Issue 18 item 2 (SQL Server): each analyst's SQL console queries. Mirrors sql/duckdb/0021_console_history.sql.
-- The row-level security of the console's unit scope is in sql/sqlserver/security/console_unit_scope.sql.
IF OBJECT_ID(N'etl.seq_console_query', N'SO') IS NULL CREATE SEQUENCE etl.seq_console_query AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.console_query', N'U') IS NULL
CREATE TABLE etl.console_query (
    query_id     BIGINT          NOT NULL CONSTRAINT pk_console_query PRIMARY KEY,
    user_name    NVARCHAR(200)   NOT NULL,
    ran_at       DATETIME2(3)    NOT NULL,
    sql_text     NVARCHAR(MAX)   NOT NULL,
    row_count    INT             NOT NULL,
    duration_ms  INT             NOT NULL,
    outcome      NVARCHAR(20)    NOT NULL CONSTRAINT ck_console_query_outcome CHECK (outcome IN (N'ok', N'refused', N'timeout', N'cancelled', N'error')),
    message      NVARCHAR(1000)  NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_console_query_user' AND object_id = OBJECT_ID(N'etl.console_query'))
CREATE INDEX ix_console_query_user ON etl.console_query (user_name, ran_at);
GO
-- Unit scope of the SQL console (row-level security). The dashboard opens each console query on the reader login
-- (BHYT_SQLSERVER_READER, member of bhyt_rpt_reader and bhyt_console_user) and sets, read-only for the session,
-- SESSION_CONTEXT(N'bhyt_unit_scope'): '*' for the country, else the code of the scope's unit. For a member of
-- bhyt_console_user the predicates below keep only rows of units in etl.unit_scope_member for that code (the scope's
-- subtree in both boundary sets); without a scope in the session a console user reads nothing. Other logins (the
-- loader, the dashboard) are not filtered. Views without a unit (rpt.form_layouts) are shown only for the country.
IF DATABASE_PRINCIPAL_ID(N'bhyt_console_user') IS NULL CREATE ROLE bhyt_console_user;
GO
IF SCHEMA_ID(N'sec') IS NULL EXEC(N'CREATE SCHEMA sec');
GO
IF OBJECT_ID(N'etl.unit_scope_member', N'U') IS NULL
CREATE TABLE etl.unit_scope_member (
    scope_code VARCHAR(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    unit_code  VARCHAR(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_unit_scope_member PRIMARY KEY (scope_code, unit_code)
);
GO
-- The subtree of every unit: itself and its descendants through parent_code, plus the pre-2025 units merged whole
-- (weight 1) into a unit of the subtree, and their descendants. Run after each reference load.
CREATE OR ALTER PROCEDURE etl.refresh_unit_scope_members
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRANSACTION;
    DELETE FROM etl.unit_scope_member;
    WITH merged AS (
        SELECT DISTINCT n.unit_code AS scope_code, o.unit_code
        FROM dw.unit_succession s
        JOIN dw.dim_unit o ON o.unit_key = s.old_unit_key
        JOIN dw.dim_unit n ON n.unit_key = s.new_unit_key
        WHERE s.weight = 1
    ),
    roots AS (
        SELECT DISTINCT unit_code AS scope_code, unit_code FROM dw.dim_unit
        UNION
        SELECT scope_code, unit_code FROM merged
    ),
    tree AS (
        SELECT scope_code, unit_code FROM roots
        UNION ALL
        SELECT t.scope_code, c.unit_code
        FROM tree t
        JOIN dw.dim_unit c ON c.parent_code = t.unit_code AND c.unit_code <> t.unit_code
    )
    INSERT INTO etl.unit_scope_member (scope_code, unit_code)
    SELECT DISTINCT scope_code, unit_code FROM tree
    OPTION (MAXRECURSION 10);
    COMMIT TRANSACTION;
END;
GO
CREATE OR ALTER FUNCTION sec.fn_console_unit(@unit_code VARCHAR(10))
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
    SELECT 1 AS allowed
    WHERE IS_MEMBER(N'bhyt_console_user') = 0
       OR CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)) = '*'
       OR EXISTS (SELECT 1 FROM etl.unit_scope_member m
                  WHERE m.scope_code = CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10))
                    AND m.unit_code = @unit_code);
GO
CREATE OR ALTER FUNCTION sec.fn_console_unit_key(@unit_key INT)
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
    SELECT 1 AS allowed
    WHERE IS_MEMBER(N'bhyt_console_user') = 0
       OR CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)) = '*'
       OR EXISTS (SELECT 1 FROM dw.dim_unit u
                  JOIN etl.unit_scope_member m ON m.unit_code = u.unit_code
                  WHERE u.unit_key = @unit_key
                    AND m.scope_code = CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)));
GO
CREATE OR ALTER FUNCTION sec.fn_console_facility(@facility_code VARCHAR(20))
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
    SELECT 1 AS allowed
    WHERE IS_MEMBER(N'bhyt_console_user') = 0
       OR CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)) = '*'
       OR EXISTS (SELECT 1 FROM dw.dim_facility f
                  JOIN etl.unit_scope_member m ON m.unit_code = f.unit_code OR m.unit_code = f.province_code
                  WHERE f.facility_code = @facility_code
                    AND m.scope_code = CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)));
GO
CREATE OR ALTER FUNCTION sec.fn_console_country_only()
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
    SELECT 1 AS allowed
    WHERE IS_MEMBER(N'bhyt_console_user') = 0
       OR CAST(SESSION_CONTEXT(N'bhyt_unit_scope') AS VARCHAR(10)) = '*';
GO
IF EXISTS (SELECT 1 FROM sys.security_policies WHERE name = N'console_unit_scope' AND schema_id = SCHEMA_ID(N'sec'))
    DROP SECURITY POLICY sec.console_unit_scope;
GO
CREATE SECURITY POLICY sec.console_unit_scope
    ADD FILTER PREDICATE sec.fn_console_unit_key(unit_key) ON dw.fct_indicator_value,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON dw.dim_unit,
    ADD FILTER PREDICATE sec.fn_console_unit(province_code) ON dw.fct_claims_monthly,
    ADD FILTER PREDICATE sec.fn_console_facility(facility_code) ON dw.fct_claim,
    ADD FILTER PREDICATE sec.fn_console_facility(facility_code) ON dw.fct_facility_month,
    ADD FILTER PREDICATE sec.fn_console_facility(facility_code) ON dw.fct_claim_version,
    ADD FILTER PREDICATE sec.fn_console_facility(facility_code) ON dw.fct_claim_detail,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON dw.anomaly,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON dw.alert,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON dw.alert_rule,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON dw.alert_silence,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON etl.submission,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON etl.validation_issue,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON etl.figure_candidate,
    ADD FILTER PREDICATE sec.fn_console_unit(unit_code) ON etl.source,
    ADD FILTER PREDICATE sec.fn_console_country_only() ON etl.form_layout,
    ADD FILTER PREDICATE sec.fn_console_country_only() ON dw.alert_delivery
    WITH (STATE = ON, SCHEMABINDING = ON);
GO

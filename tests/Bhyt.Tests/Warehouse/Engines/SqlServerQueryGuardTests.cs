using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Tests.Warehouse.Engines;

/// <summary>The SQL Server guard decides with ScriptDom alone, so it is checked here without a server.</summary>
public class SqlServerQueryGuardTests
{
    [Theory]
    [InlineData("INSERT INTO etl.reference_load (name) VALUES ('x')", "sql.not_select")]
    [InlineData("UPDATE dw.dim_unit SET name = 'x'", "sql.not_select")]
    [InlineData("DELETE FROM dw.dim_unit", "sql.not_select")]
    [InlineData("MERGE dw.dim_unit AS t USING dw.dim_unit AS s ON t.unit_key = s.unit_key WHEN MATCHED THEN DELETE;", "sql.not_select")]
    [InlineData("WITH c AS (SELECT 1 AS a) DELETE FROM dw.dim_unit", "sql.not_select")]
    [InlineData("DROP TABLE dw.dim_unit", "sql.not_select")]
    [InlineData("TRUNCATE TABLE dw.dim_unit", "sql.not_select")]
    [InlineData("CREATE TABLE dbo.t (a int)", "sql.not_select")]
    [InlineData("EXEC xp_cmdshell 'dir'", "sql.not_select")]
    [InlineData("EXECUTE ('SELECT 1')", "sql.not_select")]
    [InlineData("SET NOCOUNT ON", "sql.not_select")]
    [InlineData("BEGIN TRANSACTION", "sql.not_select")]
    [InlineData("WAITFOR DELAY '00:10:00'", "sql.not_select")]
    [InlineData("SELECT * INTO dbo.units_copy FROM rpt.units", "sql.select_into")]
    [InlineData("SELECT * INTO #units FROM rpt.units", "sql.select_into")]
    [InlineData("WITH u AS (SELECT * FROM rpt.units) SELECT * INTO dbo.units_copy FROM u", "sql.select_into")]
    [InlineData("SELECT 1; SELECT 2", "sql.multiple_statements")]
    [InlineData("SELECT 1; DROP TABLE dw.dim_unit", "sql.multiple_statements")]
    [InlineData("SELECT 1\nGO\nSELECT 2", "sql.multiple_statements")]
    [InlineData("-- SELECT 1", "sql.multiple_statements")]
    [InlineData("SELECT * FROM OPENROWSET(BULK 'C:\\Windows\\win.ini', SINGLE_CLOB) AS f", "sql.host_access")]
    [InlineData("SELECT * FROM OPENROWSET('SQLNCLI', 'Server=x;Trusted_Connection=yes;', 'SELECT 1') AS f", "sql.host_access")]
    [InlineData("SELECT * FROM OPENQUERY(other, 'SELECT 1')", "sql.host_access")]
    [InlineData("SELECT * FROM OPENDATASOURCE('SQLNCLI', 'Data Source=x').db.dbo.t", "sql.host_access")]
    [InlineData("SELECT * FROM other.bhyt.dw.dim_unit", "sql.host_access")]
    [InlineData("SELECT count(*) FROM rpt.units WHERE unit_code IN (SELECT unit_code FROM OPENQUERY(other, 'SELECT 1'))", "sql.host_access")]
    [InlineData("SELECT NEXT VALUE FOR dw.seq_unit", "sql.function")]
    [InlineData("SELECT unit_code, NEXT VALUE FOR dw.seq_unit OVER (ORDER BY unit_code) FROM rpt.units", "sql.function")]
    [InlineData("SELECT * FROM rpt.units WHERE", "sql.syntax")]
    [InlineData("", "sql.empty")]
    [InlineData("   ", "sql.empty")]
    public void EnsureReadOnly_hostile_statement_is_refused_with_its_rule(string sql, string rule)
    {
        var refusal = Assert.Throws<QueryRefusedException>(() => SqlServerQueryGuard.EnsureReadOnly(sql));

        Assert.Equal(rule, refusal.Rule);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM rpt.indicators")]
    [InlineData("WITH p AS (SELECT * FROM rpt.units WHERE level = 'province') SELECT count(*) FROM p")]
    [InlineData("SELECT province_code, RANK() OVER (ORDER BY count(*) DESC) AS position FROM rpt.units GROUP BY province_code")]
    [InlineData("SELECT 'DROP TABLE dw.dim_unit; --' AS s")]
    [InlineData("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'rpt';")]
    [InlineData("-- DROP TABLE dw.dim_unit;\nSELECT 1")]
    [InlineData("SELECT u.unit_code, s.new_unit_code FROM rpt.units u JOIN rpt.unit_succession s ON s.old_unit_code = u.unit_code")]
    public void EnsureReadOnly_single_query_is_accepted(string sql) => SqlServerQueryGuard.EnsureReadOnly(sql);

    [Theory]
    [InlineData("SELECT * FROM dw.fct_claim")]
    [InlineData("SELECT * FROM etl.console_query")]
    [InlineData("SELECT * FROM sys.tables")]
    [InlineData("SELECT * FROM INFORMATION_SCHEMA.COLUMNS")]
    [InlineData("SELECT * FROM bhyt.rpt.units")]
    [InlineData("SELECT * FROM units")]
    [InlineData("SELECT * FROM rpt.units WHERE unit_code IN (SELECT unit_code FROM dw.dim_unit)")]
    [InlineData("WITH c AS (SELECT * FROM etl.unit_scope_member) SELECT * FROM c")]
    [InlineData("SELECT * FROM sys.dm_exec_sessions")]
    [InlineData("SELECT * FROM sec.fn_console_unit('01')")]
    public void EnsureReadOnly_rpt_only_refuses_names_outside_rpt(string sql)
    {
        var refusal = Assert.Throws<QueryRefusedException>(() => SqlServerQueryGuard.EnsureReadOnly(sql, QueryReach.RptOnly));

        Assert.Equal("sql.rpt_only", refusal.Rule);
        SqlServerQueryGuard.EnsureReadOnly(sql, QueryReach.AllSchemas);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM rpt.indicators")]
    [InlineData("WITH p AS (SELECT * FROM rpt.units WHERE level = 'province') SELECT count(*) FROM p")]
    [InlineData("WITH a AS (SELECT 1 AS n), b AS (SELECT n FROM a) SELECT * FROM b")]
    [InlineData("SELECT u.unit_code FROM RPT.units u JOIN rpt.unit_succession s ON s.old_unit_code = u.unit_code")]
    [InlineData("SELECT value FROM STRING_SPLIT('01,79', ',')")]
    public void EnsureReadOnly_rpt_only_accepts_queries_over_rpt_views(string sql) => SqlServerQueryGuard.EnsureReadOnly(sql, QueryReach.RptOnly);
}

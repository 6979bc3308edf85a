using Bhyt.Warehouse.Engines;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Engines;

/// <summary>
/// What SqlServerEngine says without a server: its dialect and the statements of its read-only door, parsed by ScriptDom
/// (parsed, not run; the behaviour on a server is covered by Bhyt.Tests.SqlServer when BHYT_TEST_SQLSERVER is set).
/// </summary>
public class SqlServerEngineTests
{
    private const string Target = "Server=warehouse.example;Database=bhyt;User ID=etl;Password=etl-secret;TrustServerCertificate=true";
    private const string Reader = "Server=warehouse.example;Database=bhyt;User ID=analyst;Password=analyst-secret;TrustServerCertificate=true";

    private static SqlServerEngine Engine(string? reader = null) => new(WarehouseTarget.Parse(Target), reader);

    private static IList<TSqlStatement> Parse(string sql)
    {
        var script = (TSqlScript)new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"({e.Line},{e.Column}): {e.Message}")));
        return script.Batches.SelectMany(b => b.Statements).ToList();
    }

    [Fact]
    public void ReadOnlyScope_begin_chooses_snapshot_where_the_database_allows_it_else_read_committed()
    {
        var statements = Parse(Engine().ReadOnlyScope.Begin);

        Assert.Equal(2, statements.Count);
        var choice = Assert.IsType<IfStatement>(statements[0]);
        Assert.Contains("snapshot_isolation_state", Engine().ReadOnlyScope.Begin);
        Assert.Equal(IsolationLevel.Snapshot, Assert.IsType<SetTransactionIsolationLevelStatement>(choice.ThenStatement).Level);
        Assert.Equal(IsolationLevel.ReadCommitted, Assert.IsType<SetTransactionIsolationLevelStatement>(choice.ElseStatement).Level);
        Assert.IsType<BeginTransactionStatement>(statements[1]);
    }

    [Fact]
    public void ReadOnlyScope_end_rolls_back()
    {
        var statement = Assert.Single(Parse(Engine().ReadOnlyScope.End));

        Assert.IsType<RollbackTransactionStatement>(Assert.IsType<IfStatement>(statement).ThenStatement);
    }

    [Fact]
    public void ExcessPermissionsSql_is_one_select_over_HAS_PERMS_BY_NAME()
    {
        var statement = Assert.Single(Parse(SqlServerReaderLogin.ExcessPermissionsSql));

        Assert.IsType<SelectStatement>(statement);
        Assert.Contains("HAS_PERMS_BY_NAME(s.name, N'SCHEMA', p.permission_name)", SqlServerReaderLogin.ExcessPermissionsSql);
    }

    [Fact]
    public void ReadOnlyConnectionString_with_a_reader_configured_uses_the_readers_login_with_read_only_intent()
    {
        var builder = new SqlConnectionStringBuilder(Engine(Reader).ReadOnlyConnectionString);

        Assert.Equal("analyst", builder.UserID);
        Assert.Equal(ApplicationIntent.ReadOnly, builder.ApplicationIntent);
    }

    [Fact]
    public void ReadOnlyConnectionString_without_a_reader_uses_the_warehouse_login_with_read_only_intent()
    {
        var builder = new SqlConnectionStringBuilder(Engine().ReadOnlyConnectionString);

        Assert.Equal("etl", builder.UserID);
        Assert.Equal(ApplicationIntent.ReadOnly, builder.ApplicationIntent);
    }

    [Theory]
    [InlineData(false, "Đặt BHYT_SQLSERVER_READER")]
    [InlineData(true, "Tài khoản trong BHYT_SQLSERVER_READER")]
    public void Refusal_names_the_permissions_the_rule_and_what_to_set(bool readerConfigured, string advice)
    {
        var refusal = SqlServerReaderLogin.Refusal(["dw:INSERT", "dw:SELECT"], readerConfigured);

        Assert.Equal("sql.reader_login", refusal.Rule);
        Assert.Contains("dw:INSERT, dw:SELECT", refusal.Message);
        Assert.Contains(advice, refusal.Message);
        Assert.EndsWith("[sql.reader_login]", refusal.Message);
    }

    [Fact]
    public void RowLimit_is_offset_fetch_and_parses_after_order_by()
    {
        var clause = Engine().RowLimit(25);

        var select = Assert.IsType<SelectStatement>(Assert.Single(Parse($"SELECT unit_code FROM rpt.units ORDER BY unit_code {clause}")));

        Assert.Equal("OFFSET 0 ROWS FETCH NEXT 25 ROWS ONLY", clause);
        Assert.NotNull(((QuerySpecification)select.QueryExpression).OffsetClause);
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine().RowLimit(0));
    }

    [Fact]
    public void KeepInstanceBetweenQueries_is_false_because_SqlClient_pools_connections()
    {
        Assert.False(Engine().KeepInstanceBetweenQueries);
    }

    [Fact]
    public void IsTimeout_other_errors_are_not_timeouts()
    {
        Assert.False(Engine().IsTimeout(new TimeoutException("x")));
        Assert.False(Engine().IsTimeout(new InvalidOperationException("x")));
    }
}

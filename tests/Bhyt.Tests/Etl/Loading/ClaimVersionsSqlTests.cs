using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>The resubmission statements as SQL Server receives them parse as T-SQL (DuckDB runs them in ClaimResubmissionTests).</summary>
public class ClaimVersionsSqlTests
{
    private static readonly IWarehouseEngine SqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=localhost;Database=bhyt;"), null);

    public static TheoryData<string> Statements() => new(
        ClaimVersions.RepeatedInFileSql, ClaimVersions.UnchangedSql, ClaimVersions.SupersedeSql, ClaimVersions.DropSupersededSql,
        ClaimVersions.ReplacedMonthsSql);

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parse_each_statement_for_sql_server_has_no_errors(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);

        parser.Parse(new StringReader(SqlServer.Sql(sql)), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }
}

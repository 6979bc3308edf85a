using Bhyt.Etl.Loading;
using Bhyt.Etl.Loading.Details;
using Bhyt.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Etl.Loading.Details;

/// <summary>The detail statements as SQL Server receives them parse as T-SQL (DuckDB runs them in ClaimDetailImportTests).</summary>
public class ClaimDetailSqlTests
{
    private static readonly IWarehouseEngine SqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=localhost;Database=bhyt;"), null);

    public static TheoryData<string> Statements() => new(
        ClaimDetailStore.LinkSql, ClaimDetailStore.UnmatchedSql, ClaimDetailReconciliation.CountSql, ClaimDetailReconciliation.RowsSql(SqlServer),
        ClaimVersions.DropSupersededDetailsSql, ClaimVersions.DropDroppedDetailsSql);

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parse_each_statement_for_sql_server_has_no_errors(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);

        parser.Parse(new StringReader(SqlServer.Sql(sql)), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }
}

using Bhyt.Etl.Detection.Facilities;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>The statements rebuilding a file's groups, as SQL Server receives them, parse as T-SQL (DuckDB runs them in ClaimAggregatesTests).</summary>
public class ClaimAggregatesSqlTests
{
    private static readonly IWarehouseEngine SqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=localhost;Database=bhyt;"), null);

    public static TheoryData<string> Statements() => new(
        ClaimAggregates.NoteGroupsSql, ClaimAggregates.CountCardsSql, ClaimAggregates.DeleteMonthlySql, ClaimAggregates.InsertMonthlySql,
        ClaimAggregates.TouchedGroupsSql, FacilityMonthStore.DeleteSql, FacilityMonthStore.InsertSql(SqlServer), ClaimVersions.SupersedeSql);

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parse_each_statement_for_sql_server_has_no_errors(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        // Dapper expands a list parameter (IN @months) into a parenthesised list of parameters before the server sees it.
        var sent = SqlServer.Sql(sql).Replace("IN @months", "IN (@months1, @months2)");

        parser.Parse(new StringReader(sent), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sent);
    }
}

using Bhyt.Etl.Verification;
using Bhyt.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Etl.Verification;

/// <summary>Every integrity rule's SQL, as SQL Server receives it, parses as T-SQL; the rules name their tables and codes.</summary>
public class VerificationSqlTests
{
    private static readonly IWarehouseEngine SqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=localhost;Database=bhyt;"), null);

    public static TheoryData<string, string> Checks()
    {
        var data = new TheoryData<string, string>();
        foreach (var check in WarehouseVerifier.All.SelectMany(f => f.Checks)) data.Add($"{check.Code} {check.Table} {check.What}", check.Sql);
        return data;
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public void Parse_each_check_for_sql_server_has_no_errors(string check, string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);

        parser.Parse(new StringReader(SqlServer.Sql(sql)), out var errors);

        Assert.True(errors.Count == 0, check + "\n" + string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }

    [Fact]
    public void All_every_check_has_a_verify_code_a_table_and_one_offending_key_column()
    {
        var checks = WarehouseVerifier.All.SelectMany(f => f.Checks).ToList();

        Assert.True(checks.Count >= 20, $"{checks.Count} checks");
        Assert.All(checks, c =>
        {
            Assert.StartsWith("verify.", c.Code);
            Assert.Matches(@"^(dw|etl)\.[a-z_]+$", c.Table);
            Assert.Contains("AS offending_key", c.Sql);
            Assert.DoesNotContain("WHERE is_current", c.Sql.Replace("f.is_current = @", "", StringComparison.Ordinal));
        });
    }
}

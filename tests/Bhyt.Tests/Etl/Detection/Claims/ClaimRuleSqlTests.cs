using Bhyt.Etl.Detection.Claims;
using Bhyt.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>The claim rules' SQL as SQL Server receives it parses as T-SQL; the dialect pieces are the engine's.</summary>
public class ClaimRuleSqlTests
{
    private static readonly IWarehouseEngine SqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=localhost;Database=bhyt;"), null);

    public static TheoryData<string> Statements()
    {
        var months = new ClaimRuleSql.Months(true, true);
        return new TheoryData<string>(
            ClaimRuleSql.CardCandidates(SqlServer, 19),
            ClaimRuleSql.CardMonthVisits.Replace("IN @cards", "IN (@cards1, @cards2)", StringComparison.Ordinal),   // as Dapper expands a list
            ClaimRuleSql.StayLength(SqlServer, months),
            ClaimRuleSql.CostHistogram(SqlServer, months),
            ClaimRuleSql.CostResiduals(SqlServer, 3),
            ClaimRuleSql.CostBeyondCut(3, months),
            ClaimRuleSql.CostBeyondCut(1, new ClaimRuleSql.Months(false, false)));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parse_each_statement_for_sql_server_has_no_errors(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);

        parser.Parse(new StringReader(SqlServer.Sql(sql)), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
    }

    [Fact]
    public void CardCandidates_on_each_engine_uses_its_own_key_and_no_other_dialect()
    {
        var duck = ClaimRuleSql.CardCandidates(new DuckDbEngine(WarehouseTarget.Parse("x.duckdb")), 19);
        var server = ClaimRuleSql.CardCandidates(SqlServer, 19);

        Assert.Contains("hash(card_pseudonym) AS card", duck);
        Assert.Contains("SELECT claim_key, card_pseudonym AS card", server);
        Assert.Contains("LAG(day_in, 19)", server);
        Assert.Equal(duck.Replace("hash(card_pseudonym)", "card_pseudonym", StringComparison.Ordinal)
            .Replace("hash(facility_code)", "facility_code", StringComparison.Ordinal), server);
    }

    [Fact]
    public void CostHistogram_takes_the_logarithm_in_each_engines_dialect()
    {
        var months = new ClaimRuleSql.Months(false, false);

        Assert.Contains($"ROUND(ln(CAST({ClaimRuleSql.CostBasis} AS FLOAT)), 3)", ClaimRuleSql.CostHistogram(new DuckDbEngine(WarehouseTarget.Parse("x.duckdb")), months));
        Assert.Contains($"ROUND(LOG(CAST({ClaimRuleSql.CostBasis} AS FLOAT)), 3)", ClaimRuleSql.CostHistogram(SqlServer, months));
    }
}

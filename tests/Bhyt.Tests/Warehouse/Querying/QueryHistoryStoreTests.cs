using Bhyt.Tests.Support;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Tests.Warehouse.Querying;

public class QueryHistoryStoreTests
{
    [Fact]
    public async Task ForUserAsync_returns_only_the_users_own_queries_newest_first()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var store = new QueryHistoryStore(warehouse.Engine);
        var start = new DateTime(2026, 3, 2, 8, 0, 0);
        await store.SaveAsync("lan", start, "SELECT 1", 1, TimeSpan.FromMilliseconds(12), "ok", null, CancellationToken.None);
        await store.SaveAsync("minh", start.AddMinutes(1), "SELECT * FROM rpt.units", 14162, TimeSpan.FromMilliseconds(340), "ok", null, CancellationToken.None);
        await store.SaveAsync("lan", start.AddMinutes(2), "SELECT * FROM dw.fct_claim", 0, TimeSpan.FromMilliseconds(3), "refused", "[sql.rpt_only]", CancellationToken.None);

        var lan = await store.ForUserAsync("lan", 50, CancellationToken.None);
        var minh = await store.ForUserAsync("minh", 50, CancellationToken.None);

        Assert.Equal(["SELECT * FROM dw.fct_claim", "SELECT 1"], lan.Select(e => e.Sql));
        Assert.Equal(("refused", "[sql.rpt_only]", 0), (lan[0].Outcome, lan[0].Message, lan[0].Rows));
        Assert.Equal((1, 12, start), (lan[1].Rows, lan[1].DurationMs, lan[1].RanAt));
        Assert.Equal((14162, 340), (Assert.Single(minh).Rows, minh[0].DurationMs));
    }

    [Fact]
    public async Task History_table_is_out_of_the_consoles_reach()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await new QueryHistoryStore(warehouse.Engine).SaveAsync("minh", DateTime.UtcNow, "SELECT 1", 1, TimeSpan.Zero, "ok", null, CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<QueryRefusedException>(() => new ReadOnlyQueryRunner(warehouse.Engine)
            .RunRptAsync("SELECT sql_text FROM etl.console_query WHERE user_name = 'minh'", RptScope.Country, QueryLimits.Default, CancellationToken.None));

        Assert.Equal("sql.rpt_only", refusal.Rule);
    }
}

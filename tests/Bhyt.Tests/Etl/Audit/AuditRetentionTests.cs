using Bhyt.Etl.Audit;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Audit;

/// <summary>The retention purge on a real DuckDB warehouse: older events go, younger stay, the purge is itself recorded.</summary>
public class AuditRetentionTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 3, 15, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PurgeAsync_deletes_only_events_older_than_the_retention_and_records_the_purge()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var trail = new AuditTrail(warehouse.Engine);
        (string User, int DaysAgo)[] events = [("cu.nhat", 400), ("cu", 91), ("vua.qua.han", 90), ("con.han", 89), ("hom.nay", 0)];
        foreach (var (user, daysAgo) in events)
            Assert.True(await trail.AppendAsync(new AuditEvent(AuditActions.SignIn, AuditOutcomes.Success, user) { OccurredAt = Now.AddDays(-daysAgo).AddSeconds(-1) }));

        var deleted = await new AuditRetention(warehouse.Engine, trail, 90).PurgeAsync(Now, AuditChannels.Scheduler, CancellationToken.None);

        Assert.Equal(3, deleted);
        var left = await warehouse.Engine.QueryAsync<(string User, string Action, long? Rows, string Channel)>(
            "SELECT user_name, action, row_count, channel FROM rpt.audit ORDER BY event_id");
        Assert.Equal([("con.han", "sign_in", null, "dashboard"), ("hom.nay", "sign_in", null, "dashboard"), ("system", "audit_purge", 3L, "scheduler")], left);
    }

    [Fact]
    public async Task PurgeAsync_nothing_to_delete_records_nothing()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var trail = new AuditTrail(warehouse.Engine);
        await trail.AppendAsync(new AuditEvent(AuditActions.Export, AuditOutcomes.Success, "lanh.dao") { OccurredAt = Now.AddDays(-10) });

        Assert.Equal(0, await new AuditRetention(warehouse.Engine, trail, AuditRetention.DefaultDays).PurgeAsync(Now, AuditChannels.Dashboard, CancellationToken.None));

        Assert.Equal(["export"], await warehouse.Engine.QueryAsync<string>("SELECT action FROM rpt.audit"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(AuditRetention.MinimumDays - 1)]
    public async Task Constructor_retention_below_the_minimum_is_refused(int days)
    {
        await using var warehouse = TempWarehouse.Empty();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AuditRetention(warehouse.Engine, new AuditTrail(warehouse.Engine), days));

        Assert.Contains("Audit:RetentionDays", error.Message);
    }
}

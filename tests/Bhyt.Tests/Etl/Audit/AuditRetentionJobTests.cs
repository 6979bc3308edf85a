using Bhyt.Etl.Audit;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bhyt.Tests.Etl.Audit;

/// <summary>The retention job joins the ETL scheduler with a nightly trigger, and running it purges through Quartz.</summary>
public class AuditRetentionJobTests
{
    [Fact]
    public async Task Scheduler_holds_the_nightly_retention_job_and_running_it_purges_old_events()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var trail = new AuditTrail(warehouse.Engine);
        await trail.AppendAsync(new AuditEvent(AuditActions.SignIn, AuditOutcomes.Success, "cu") { OccurredAt = DateTime.UtcNow.AddDays(-40) });
        await trail.AppendAsync(new AuditEvent(AuditActions.SignIn, AuditOutcomes.Success, "moi") { OccurredAt = DateTime.UtcNow.AddDays(-2) });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        builder.Services.AddAuditTrail(retentionDays: 30);
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        var trigger = (ICronTrigger)Assert.Single(await scheduler.GetTriggersOfJob(AuditRetentionJob.Key, TestContext.Current.CancellationToken));
        Assert.Equal(AuditRetentionJob.DefaultCron, trigger.CronExpressionString);
        await scheduler.TriggerJob(AuditRetentionJob.Key, TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string> users;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            users = await warehouse.Engine.QueryAsync<string>("SELECT user_name FROM rpt.audit ORDER BY event_id");
        } while (!users.Contains("system") && DateTime.UtcNow < deadline);
        await host.StopAsync(CancellationToken.None);

        Assert.Equal(["moi", "system"], users);
    }
}

using Bhyt.Etl.Import;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>The daily alerts job: scheduled by <c>Scheduler:AlertsCron</c> (07:00 by default) and, run by Quartz, raising a missed deadline.</summary>
public sealed class AlertsJobTests
{
    [Fact]
    public async Task AddBhytScheduler_alerts_cron_setting_schedules_the_daily_alerts_job_default_at_0700()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        Assert.Equal("0 0 7 * * ?", await CronOfAlertsTriggerAsync(warehouse, null));
        Assert.Equal("0 30 6 ? * MON-FRI", await CronOfAlertsTriggerAsync(warehouse, "0 30 6 ? * MON-FRI"));
        var refused = Assert.Throws<ArgumentException>(() => AlertsJob.Cron("sáng nào cũng chạy"));
        Assert.Contains("Scheduler:AlertsCron", refused.Message);
    }

    [Fact]
    public async Task AlertsJob_run_by_quartz_raises_submission_late_for_a_report_past_its_deadline()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var schedule = Path.Combine(warehouse.Directory, "lich.csv");
        await File.WriteAllLinesAsync(schedule, ["parent_code,level,period,every,forms,due,name", "219,district,2021,,4,31/03/2022,Báo cáo năm"]);
        Assert.False((await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(schedule, new ImportOptions(), null, CancellationToken.None)).IsRejected);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromHours(1), TimeSpan.Zero));
        using var host = builder.Build();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();

        await scheduler.TriggerJob(AlertsJob.Key);
        List<(string Rule, string Unit, string Period)> alerts = [];
        for (var waited = 0; waited < 300 && alerts.Count == 0; waited++)
        {
            await Task.Delay(100);
            alerts = await warehouse.Engine.QueryAsync<(string, string, string)>("SELECT \"rule\", unit_code, period_label FROM rpt.alerts");
        }
        await scheduler.Shutdown(true);

        Assert.Equal([("submission_late", "219", "2021")], alerts);
    }

    private static async Task<string> CronOfAlertsTriggerAsync(TempWarehouse warehouse, string? cron)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromHours(1), TimeSpan.Zero),
            alertsCron: cron);
        using var host = builder.Build();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("alerts-daily-trigger", "etl")))!;
        Assert.Equal(AlertsJob.Key, trigger.JobKey);
        await scheduler.Shutdown();
        return trigger.CronExpressionString!;
    }
}

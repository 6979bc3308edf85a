using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>The ETL schedule, declared in one place; used by <c>bhyt schedule</c> and by the dashboard host.</summary>
public static class SchedulingExtensions
{
    /// <param name="verifyCron">When the nightly verification runs (Quartz cron, <c>Scheduler:VerifyCron</c>); null: <see cref="VerifyJob.DefaultCron"/>.</param>
    /// <param name="alertsCron">When the daily alert evaluation runs (<c>Scheduler:AlertsCron</c>); null: <see cref="AlertsJob.DefaultCron"/>.</param>
    public static IServiceCollection AddBhytScheduler(this IServiceCollection services, IWarehouseEngine engine, InboxOptions inbox, string? verifyCron = null,
        string? alertsCron = null)
    {
        var verifySchedule = VerifyJob.Cron(verifyCron);
        var alertsSchedule = AlertsJob.Cron(alertsCron);
        services.AddSingleton(engine);
        services.AddSingleton(inbox);
        services.AddSingleton(_ => new Detection.DetectionRun(engine));
        services.TryAddSingleton<InboxStatus>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton(_ => new Verification.WarehouseVerifier(engine));
        services.AddSingleton(_ => new Verification.VerifyRunStore(engine));
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJob.Key).WithIdentity("inbox-trigger", "etl").StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(inbox.Interval).RepeatForever()));
            quartz.AddJob<VerifyJob>(job => job.WithIdentity(VerifyJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(VerifyJob.Key).WithIdentity("verify-trigger", "etl").WithCronSchedule(verifySchedule));
            quartz.AddJob<AlertsJob>(job => job.WithIdentity(AlertsJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(AlertsJob.Key).WithIdentity("alerts-daily-trigger", "etl").WithCronSchedule(alertsSchedule));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>The ETL schedule, declared in one place; used by <c>bhyt schedule</c> and by the dashboard host.</summary>
public static class SchedulingExtensions
{
    /// <summary>
    /// The schedule as the <c>Scheduler</c> section says: the inbox (<see cref="InboxOptions.From"/>), <c>VerifyCron</c>, <c>AlertsCron</c>,
    /// and the job store (<see cref="JobStoreSettings.From"/>, section <c>Scheduler:JobStore</c>).
    /// </summary>
    public static IServiceCollection AddBhytScheduler(this IServiceCollection services, IWarehouseEngine engine, IConfiguration scheduler,
        InboxOptions? inbox = null) =>
        services.AddBhytScheduler(engine, inbox ?? InboxOptions.From(scheduler), scheduler["VerifyCron"], JobStoreSettings.From(scheduler.GetSection("JobStore")),
            scheduler["AlertsCron"]);

    /// <param name="verifyCron">When the nightly verification runs (Quartz cron, <c>Scheduler:VerifyCron</c>); null: <see cref="VerifyJob.DefaultCron"/>.</param>
    /// <param name="store">Where Quartz keeps the schedule; null: <see cref="JobStoreSettings.Embedded"/>.</param>
    /// <param name="alertsCron">When the daily alert evaluation runs (<c>Scheduler:AlertsCron</c>); null: <see cref="AlertsJob.DefaultCron"/>.</param>
    /// <remarks>
    /// After downtime each job runs once (<see cref="EtlSchedules"/>). Neither job runs twice at once (<see cref="DisallowConcurrentExecutionAttribute"/>, across a cluster too); a failed
    /// run is retried as its job's <see cref="RetryPolicyAttribute"/> says and recorded by <see cref="FailedRunRecorder"/>.
    /// </remarks>
    public static IServiceCollection AddBhytScheduler(this IServiceCollection services, IWarehouseEngine engine, InboxOptions inbox, string? verifyCron = null,
        JobStoreSettings? store = null, string? alertsCron = null)
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
            (store ?? JobStoreSettings.Embedded).Apply(quartz);
            quartz.AddJobListener<FailedRunRecorder>();
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJob.Key).WithIdentity("inbox-trigger", "etl").StartNow()
                .WithSchedule(EtlSchedules.Inbox(inbox.Interval)));
            quartz.AddJob<VerifyJob>(job => job.WithIdentity(VerifyJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(VerifyJob.Key).WithIdentity("verify-trigger", "etl")
                .WithSchedule(EtlSchedules.Verify(verifySchedule)));
            quartz.AddJob<AlertsJob>(job => job.WithIdentity(AlertsJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(AlertsJob.Key).WithIdentity("alerts-daily-trigger", "etl")
                .WithSchedule(EtlSchedules.Alerts(alertsSchedule)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

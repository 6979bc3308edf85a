using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>The ETL schedule, declared in one place; used by <c>bhyt schedule</c> and by the dashboard host.</summary>
public static class SchedulingExtensions
{
    public static IServiceCollection AddBhytScheduler(this IServiceCollection services, IWarehouseEngine engine, InboxOptions inbox)
    {
        services.AddSingleton(engine);
        services.AddSingleton(inbox);
        services.AddSingleton(_ => new Detection.DetectionRun(engine));
        services.TryAddSingleton<InboxStatus>();
        services.AddSingleton<InboxProcessor>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJob.Key).WithIdentity("inbox-trigger", "etl").StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(inbox.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

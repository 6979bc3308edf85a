using System.Collections.Concurrent;
using Bhyt.Etl.Scheduling;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>
/// The ETL schedules after downtime, in Quartz's in-memory store: a scheduler held in standby past its triggers' fire
/// times misses them as a stopped one would.
/// </summary>
public class EtlSchedulesTests
{
    // Firings later than a second count as missed; the store's default (5 s) would only make the tests slower.
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Verify_after_downtime_across_two_firings_runs_once_at_once()
    {
        var fires = await FiresAfterDowntimeAsync(EtlSchedules.Verify("0/5 * * * * ?"), missed: 2);

        // Fire and proceed: one run now for both missed; made up they would be two, skipped none.
        Assert.Single(fires);
    }

    [Fact]
    public async Task Inbox_after_downtime_across_two_passes_skips_them_and_waits_for_its_next_pass()
    {
        var fires = await FiresAfterDowntimeAsync(EtlSchedules.Inbox(TimeSpan.FromSeconds(5)), missed: 2);

        // The next pass takes every file waiting: the missed ones are not made up.
        Assert.Empty(fires);
    }

    [Fact]
    public async Task Inbox_schedule_without_downtime_fires_at_its_interval()
    {
        var fires = await FiresAfterDowntimeAsync(EtlSchedules.Inbox(TimeSpan.FromMilliseconds(500)), missed: 0, window: TimeSpan.FromSeconds(2.2));

        Assert.InRange(fires.Count, 4, 6);
    }

    /// <summary>
    /// Schedules a probe job on a scheduler held in standby (down) until <paramref name="missed"/> firings of a
    /// 5-second schedule are over a second late, starts it, and returns the firings within <paramref name="window"/> —
    /// which ends before the schedule's next regular firing.
    /// </summary>
    private static async Task<IReadOnlyCollection<DateTimeOffset>> FiresAfterDowntimeAsync(IScheduleBuilder schedule, int missed, TimeSpan? window = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"misfire-{Guid.NewGuid():N}";
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceName = name);
            quartz.UseInMemoryStore(store => store.MisfireThreshold = Threshold);
        }).BuildScheduler(ct);
        var fires = new ConcurrentQueue<DateTimeOffset>();
        FireProbe.Fires[name] = fires;
        var job = JobBuilder.Create<FireProbe>().WithIdentity("probe").Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartNow().WithSchedule(schedule).Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
        var first = (await scheduler.GetTrigger(trigger.Key, ct))!.NextFireTimeUtc!.Value;

        if (missed > 0) await Task.Delay(first + TimeSpan.FromSeconds(5 * (missed - 1)) + Threshold + TimeSpan.FromMilliseconds(500) - DateTimeOffset.UtcNow, ct);
        await scheduler.Start(ct);
        await Task.Delay(window ?? TimeSpan.FromSeconds(2.5), ct);
        await scheduler.Shutdown(waitForJobsToComplete: true, ct);
        return fires;
    }

    /// <summary>Notes when it fired; nothing else.</summary>
    public sealed class FireProbe : IJob
    {
        /// <summary>The fire times of each test's scheduler, by scheduler name.</summary>
        public static readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Fires = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fires[context.Scheduler.SchedulerName].Enqueue(DateTimeOffset.UtcNow);
            return ValueTask.CompletedTask;
        }
    }
}

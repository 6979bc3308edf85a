using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>The schedules of the ETL jobs, with what each does after downtime (its misfire instruction).</summary>
public static class EtlSchedules
{
    /// <summary>
    /// Every <paramref name="interval"/>. Passes missed while the scheduler was down are skipped, not made up: the next
    /// pass takes every file waiting, so catching up would only run empty passes.
    /// </summary>
    public static IScheduleBuilder Inbox(TimeSpan interval) =>
        SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount);

    /// <summary>
    /// By <paramref name="cron"/>. After downtime it runs once at once (fire and proceed) however many nights were
    /// missed: one verification of the warehouse as it is now says all a missed one would have said.
    /// </summary>
    public static IScheduleBuilder Verify(string cron) =>
        CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>
    /// By <paramref name="cron"/> (07:00 by default). After downtime it runs once at once: one evaluation raises every
    /// deadline passed meanwhile.
    /// </summary>
    public static IScheduleBuilder Alerts(string cron) =>
        CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}

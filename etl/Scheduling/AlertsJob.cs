using Bhyt.Etl.Alerts;
using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Quartz job: the daily evaluation of the alert rules (cron <c>Scheduler:AlertsCron</c>, default <see cref="DefaultCron"/>,
/// 07:00 every morning), so that a report whose deadline passed is raised as <c>submission_late</c> on the day after,
/// even when no file arrives to trigger the evaluation the inbox runs after each load.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertsJob(IWarehouseEngine engine, ILogger<AlertsJob> log) : IJob
{
    public static readonly JobKey Key = new("alerts-daily", "etl");

    public const string DefaultCron = "0 0 7 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await new AlertRun(engine).RunAsync(cancellationToken);
        log.LogInformation("Đánh giá cảnh báo hằng ngày: {Summary}", summary);
    }

    /// <summary>The cron expression to use: <paramref name="configured"/> when set (refused when Quartz cannot read it), else the default.</summary>
    public static string Cron(string? configured) => CronSetting.Resolve("Scheduler:AlertsCron", configured, DefaultCron, "07:00 hằng sáng");
}

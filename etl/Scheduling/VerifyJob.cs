using Bhyt.Etl.Verification;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Quartz job: the nightly <c>bhyt verify</c> (cron <c>Scheduler:VerifyCron</c>, default <see cref="DefaultCron"/>, 02:30
/// every night), its result kept in <c>etl.verify_run</c> for the dashboard's administrators.
/// A run that fails (the warehouse unreachable) is retried after 1, 2, 4 and 8 minutes.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(4, "00:01:00", 2, MaxDelay = "00:15:00")]
public sealed class VerifyJob(WarehouseVerifier verifier, VerifyRunStore runs, ILogger<VerifyJob> log) : IJob
{
    public static readonly JobKey Key = new("verify", "etl");

    public const string DefaultCron = "0 30 2 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await Telemetry.JobTelemetry.RunAsync("verify", log, () => RunOnceAsync(cancellationToken));

    public async Task<VerificationReport> RunOnceAsync(CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(ct);
        await runs.SaveAsync(report, ct);
        if (report.IsClean) log.LogInformation("Kiểm tra toàn vẹn kho: không có phát hiện nào.");
        else
            foreach (var finding in report.Findings) log.LogWarning("Kiểm tra toàn vẹn kho: {Finding}", finding.Message);
        return report;
    }

    /// <summary>The cron expression to use: <paramref name="configured"/> when set (refused when Quartz cannot read it), else the default.</summary>
    public static string Cron(string? configured) => CronSetting.Resolve("Scheduler:VerifyCron", configured, DefaultCron, "02:30 hằng đêm");
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Bhyt.Dashboard.Health;

/// <summary>
/// The in-process ETL scheduler is running (started, not in standby, not shut down). When the dashboard is configured
/// without it (<c>Scheduler:Enabled=false</c>, a separate <c>bhyt schedule</c> worker imports), it reports "disabled", healthy.
/// </summary>
public sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return HealthCheckResult.Healthy("disabled");
        var scheduler = await factory.GetScheduler(ct);
        var status = (await scheduler.GetMetadata(ct)).Status;
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(status.ToString().ToLowerInvariant());
    }
}

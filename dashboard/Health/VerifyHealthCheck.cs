using Bhyt.Etl.Verification;
using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bhyt.Dashboard.Health;

/// <summary>
/// The last stored <c>bhyt verify</c> (<c>etl.verify_run</c>): healthy when it found nothing or has never run, degraded
/// when it found something. Only the time and whether it passed are told; the findings are for administrators.
/// </summary>
public sealed class VerifyHealthCheck(IWarehouseEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var last = await new VerifyRunStore(engine).LastAsync(ct);
        if (last is null) return HealthCheckResult.Healthy("never run");
        var data = new Dictionary<string, object>
        {
            ["last_run"] = DateTime.SpecifyKind(last.FinishedAt, DateTimeKind.Utc).ToString("O"),
            ["passed"] = last.IsClean,
        };
        return last.IsClean ? HealthCheckResult.Healthy("passed", data) : HealthCheckResult.Degraded("findings", data: data);
    }
}

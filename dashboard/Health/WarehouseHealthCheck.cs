using Bhyt.Warehouse.Engines;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bhyt.Dashboard.Health;

/// <summary>The warehouse answers a query (its schema version). Unhealthy when it cannot be opened or read, e.g. held by another process.</summary>
public sealed class WarehouseHealthCheck(IWarehouseEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await engine.OpenAsync(ct);
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM etl.schema_version", cancellationToken: ct));
            return version is null
                ? HealthCheckResult.Unhealthy("not initialised")
                : HealthCheckResult.Healthy("reachable", new Dictionary<string, object> { ["schema_version"] = version.Value });
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The exception's text may name paths or servers: it goes to the log, never into the answer.
            return HealthCheckResult.Unhealthy(e is WarehouseBusyException ? "busy" : "unreachable", e);
        }
    }
}

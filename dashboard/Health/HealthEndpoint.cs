using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bhyt.Dashboard.Health;

/// <summary>
/// <c>GET /healthz</c>, anonymous, for load balancers and monitoring: the warehouse answers, the scheduler runs, the
/// last verification passed. 200 when healthy or degraded (verification found something), 503 when unhealthy. The
/// answer holds statuses, fixed descriptions, the schema version and the last verification's time — no path,
/// connection string, exception or finding.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<WarehouseHealthCheck>("warehouse", timeout: CheckTimeout)
            .AddCheck<SchedulerHealthCheck>("scheduler", timeout: CheckTimeout)
            .AddCheck<VerifyHealthCheck>("verify", HealthStatus.Unhealthy, timeout: CheckTimeout);

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : Failure(e.Value),
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
    }

    // A check that threw (or timed out) says only that it failed; its descriptions set above are fixed words.
    private static string Failure(HealthReportEntry entry) =>
        entry.Description is "busy" or "unreachable" ? entry.Description : "failed";
}

using Bhyt.Dashboard.Security.SignIn;
using Bhyt.Dashboard.Components.Pages.Audit;
using Bhyt.Etl.Audit;
using Bhyt.Warehouse.Queries;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bhyt.Dashboard.Audit;

/// <summary>
/// The audit log in the dashboard: the writer, each page's <see cref="IAuditLog"/>, the sign-in sink, and the retention
/// (<c>Audit:RetentionDays</c>, default 365, at least 30) purged on start and nightly by the scheduler.
/// </summary>
public static class AuditSetup
{
    public static void AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuditTrail(builder.Configuration.GetValue("Audit:RetentionDays", AuditRetention.DefaultDays),
            scheduled: builder.Configuration.GetValue("Scheduler:Enabled", true));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ClientAddress>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ClientAddressCircuitHandler>());
        builder.Services.AddScoped<IAuditLog, CircuitAuditLog>();
        builder.Services.AddSingleton<ISignInEventSink, SignInAuditSink>();
        builder.Services.AddSingleton<AuditQueries>();
        builder.Services.AddScoped<AuditLogService>();
    }

    /// <summary>Removes the events older than the retention (a start after a long stop must not wait for the night's job).</summary>
    public static async Task PurgeExpiredAuditEventsAsync(this WebApplication app)
    {
        var retention = app.Services.GetRequiredService<AuditRetention>();
        var deleted = await retention.PurgeAsync(DateTime.UtcNow, AuditChannels.Dashboard, app.Lifetime.ApplicationStopping);
        if (deleted > 0) app.Logger.LogInformation("Audit retention ({Days} days): {Deleted} events purged on start", retention.Days, deleted);
    }
}

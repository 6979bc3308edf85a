using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bhyt.Etl.Audit;

/// <summary>The audit log's services: the writer, the retention and its daily job (run by the scheduler when one is hosted).</summary>
public static class AuditRegistration
{
    /// <param name="scheduled">Whether this host runs the ETL scheduler: only then is the nightly purge added to it (a host
    /// without a scheduler purges on start only, and registers no Quartz at all, so its health says "disabled").</param>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, int retentionDays, bool scheduled = true)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(provider => new AuditRetention(provider.GetRequiredService<IWarehouseEngine>(),
            provider.GetRequiredService<AuditTrail>(), retentionDays));
        if (!scheduled) return services;
        // Jobs of several AddQuartz calls join one scheduler, which only runs where the host adds Quartz's hosted service.
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<AuditRetentionJob>(job => job.WithIdentity(AuditRetentionJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(AuditRetentionJob.Key).WithIdentity("audit-retention-trigger", "etl")
                .WithCronSchedule(AuditRetentionJob.DefaultCron));
        });
        return services;
    }
}

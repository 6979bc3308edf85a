using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Audit;

/// <summary>Quartz job: the audit log's daily retention purge (<see cref="DefaultCron"/>, 03:15 every night).</summary>
[DisallowConcurrentExecution]
public sealed class AuditRetentionJob(AuditRetention retention, ILogger<AuditRetentionJob> log) : IJob
{
    public static readonly JobKey Key = new("audit-retention", "etl");

    public const string DefaultCron = "0 15 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await retention.PurgeAsync(DateTime.UtcNow, AuditChannels.Scheduler, cancellationToken);
        log.LogInformation("Audit retention ({Days} days): {Deleted} events purged", retention.Days, deleted);
    }
}

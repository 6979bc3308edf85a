using Bhyt.Etl.Telemetry;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>Quartz job: one pass over the inbox. Never two at once — a second run would import the same files.</summary>
[DisallowConcurrentExecution]
public sealed class InboxJob(InboxProcessor processor, ILogger<InboxJob> log) : IJob
{
    public static readonly JobKey Key = new("inbox", "etl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await JobTelemetry.RunAsync("inbox", log, () => processor.RunOnceAsync(cancellationToken));
}

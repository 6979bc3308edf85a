using Bhyt.Etl.Telemetry;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Quartz job: one pass over the inbox. Never two at once — a second run would import the same files. A pass that fails
/// (the warehouse held by another process, unreachable) is retried after 2, 4 and 8 seconds — within the default
/// 15-second interval, since a retry never displaces the next regular pass.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(3, "00:00:02", 2)]
public sealed class InboxJob(InboxProcessor processor, ILogger<InboxJob> log) : IJob
{
    public static readonly JobKey Key = new("inbox", "etl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await JobTelemetry.RunAsync("inbox", log, () => processor.RunOnceAsync(cancellationToken));
}

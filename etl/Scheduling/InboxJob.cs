using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>Quartz job: one pass over the inbox. Never two at once — a second run would import the same files.</summary>
[DisallowConcurrentExecution]
public sealed class InboxJob(InboxProcessor processor) : IJob
{
    public static readonly JobKey Key = new("inbox", "etl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await processor.RunOnceAsync(cancellationToken);
}

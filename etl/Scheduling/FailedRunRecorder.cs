using Bhyt.Warehouse.Engines;
using Dapper;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Records every failed firing of an ETL job in <c>etl.job_run</c> (outcome <c>failed</c>, the error and which attempt
/// it was, and whether Quartz will retry it under the job's <see cref="RetryPolicyAttribute"/>). A warehouse that cannot
/// take the record (it is the failure) leaves it in the log.
/// </summary>
public sealed class FailedRunRecorder(IWarehouseEngine engine, ILogger<FailedRunRecorder> log) : IJobListener
{
    public string Name => "bhyt-failed-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null) return;
        var message = Message(context, jobException);
        log.LogError(jobException, "Tác vụ {Job} thất bại: {Message}", context.JobDetail.Key.Name, message);
        try
        {
            await using var connection = await engine.OpenAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            var id = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_job_run", 1, CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                INSERT INTO etl.job_run (run_id, job_name, started_at, ended_at, files, outcome, message)
                VALUES (@id, @job, @started, @ended, 0, 'failed', @message)
                """), new { id, job = context.JobDetail.Key.Name, started = context.FireTimeUtc.UtcDateTime, ended = DateTime.UtcNow, message },
                transaction));
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Không ghi được lần chạy thất bại của {Job} vào etl.job_run", context.JobDetail.Key.Name);
        }
    }

    /// <summary>"Lần thử 2/4 thất bại: …; thử lại sau 2 phút" — what an administrator reads in the run log.</summary>
    public static string Message(IJobExecutionContext context, JobExecutionException failure)
    {
        var error = failure.GetBaseException().Message;
        var policy = context.RetryPolicy;
        var attempts = policy is null ? "" : $" {context.RetryAttempt + 1}/{policy.MaxAttempts + 1}";
        var next = context.RetryScheduled && policy is not null
            ? $"; thử lại sau {policy.DelayFor(context.RetryAttempt + 1).TotalSeconds:0} giây"
            : "; không thử lại (chờ lần chạy theo lịch kế tiếp)";
        var text = $"Lần thử{attempts} thất bại: {error}{next}";
        return text.Length > 4000 ? text[..4000] : text;
    }
}

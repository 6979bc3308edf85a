using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Bhyt.Etl.Telemetry;

/// <summary>
/// Runs one scheduled job with its telemetry: a log scope naming the job and its run (every line the job logs carries
/// them), an activity <c>bhyt.job</c> and the <see cref="EtlTelemetry.JobDuration"/> histogram tagged with the outcome.
/// </summary>
public static class JobTelemetry
{
    public static async Task<T> RunAsync<T>(string job, ILogger log, Func<Task<T>> work)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        using var scope = log.BeginScope(new Dictionary<string, object?> { ["Job"] = job, ["JobRun"] = run });
        using var activity = EtlTelemetry.Source.StartActivity("bhyt.job");
        activity?.SetTag("bhyt.job", job);
        activity?.SetTag("bhyt.job_run", run);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await work();
            outcome = "ok";
            return result;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            log.LogError(e, "Job {Job} failed", job);
            throw;
        }
        finally
        {
            activity?.SetTag("bhyt.outcome", outcome);
            EtlTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("bhyt.job", job), new KeyValuePair<string, object?>("bhyt.outcome", outcome));
        }
    }
}

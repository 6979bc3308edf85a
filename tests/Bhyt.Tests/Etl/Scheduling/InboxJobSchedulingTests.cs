using System.Collections.Concurrent;
using System.Text;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>The inbox job in the scheduler the CLI and the dashboard run (in-memory store): retries and no overlap.</summary>
public class InboxJobSchedulingTests
{
    [Fact]
    public async Task A_failing_inbox_pass_is_retried_with_growing_waits_and_every_failure_is_recorded_with_its_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // The inbox path is a file: every pass fails creating the folder, as it would on a share that went away.
        var inboxPath = Path.Combine(warehouse.Directory, "inbox");
        await File.WriteAllTextAsync(inboxPath, "không phải thư mục", ct);
        var options = new InboxOptions(inboxPath, TimeSpan.FromMinutes(5), TimeSpan.Zero);
        using var host = Host(warehouse, options);

        await host.StartAsync(ct);
        var failures = await WaitForAsync(warehouse, rows => rows.Count >= 4, TimeSpan.FromSeconds(40));
        await host.StopAsync(CancellationToken.None);

        Assert.Equal(4, failures.Count);
        Assert.All(failures, f => Assert.Contains(inboxPath, f.Message));
        Assert.Equal(["Lần thử 1/4", "Lần thử 2/4", "Lần thử 3/4", "Lần thử 4/4"], failures.Select(f => f.Message[..11]));
        Assert.Contains("thử lại sau 2 giây", failures[0].Message);
        Assert.Contains("không thử lại", failures[3].Message);
        var waits = failures.Zip(failures.Skip(1), (a, b) => (b.StartedAt - a.StartedAt).TotalSeconds).ToList();
        Assert.True(waits[0] >= 1.9 && waits[1] >= 3.9 && waits[2] >= 7.9, $"waits between attempts: {string.Join(", ", waits.Select(w => w.ToString("0.0")))} s");
    }

    [Fact]
    public async Task Inbox_passes_fired_while_one_runs_wait_for_it_and_load_the_file_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromMilliseconds(300), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "bc_nhieu_ky.csv"), ManyFigures(), ct);
        using var host = Host(warehouse, options);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var runs = new RunIntervals();
        scheduler.ListenerManager.AddJobListener(runs);

        await host.StartAsync(ct);
        for (var i = 0; i < 6; i++)
        {
            await scheduler.TriggerJob(InboxJob.Key, ct);
            await Task.Delay(100, ct);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (runs.Intervals.Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(200, ct);
        await host.StopAsync(CancellationToken.None);

        var intervals = runs.Intervals.OrderBy(r => r.Start).ToList();
        Assert.True(intervals.Count >= 3, $"only {intervals.Count} passes ran");
        Assert.All(intervals.Zip(intervals.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End,
            $"a pass started at {pair.Second.Start:HH:mm:ss.fff} while one that started at {pair.First.Start:HH:mm:ss.fff} ran until {pair.First.End:HH:mm:ss.fff}"));
        Assert.Equal(["loaded"], await warehouse.Engine.QueryAsync<string>("SELECT status FROM etl.submission"));
    }

    private static IHost Host(TempWarehouse warehouse, InboxOptions options)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // The nightly verification far away: only the inbox job runs.
        builder.Services.AddBhytScheduler(warehouse.Engine, options, "0 0 3 1 1 ? 2099");
        return builder.Build();
    }

    /// <summary>A submission CSV of a few thousand figures (every commune-level unit × months × indicators), slow enough to overlap with the triggers fired during it.</summary>
    private static string ManyFigures()
    {
        var csv = new StringBuilder("unit_code,unit_name,period,indicator,value,value_kind\n");
        for (var year = 2015; year <= 2024; year++)
        for (var month = 1; month <= 12; month++)
        {
            csv.Append($"672,,{year}-{month:00},cov_participants,{200_000 + year * 10 + month},actual\n");
            csv.Append($"672,,{year}-{month:00},cov_population,{240_000 + year * 10 + month},actual\n");
        }
        return csv.ToString();
    }

    private static async Task<List<(DateTime StartedAt, string Message)>> WaitForAsync(TempWarehouse warehouse,
        Func<List<(DateTime StartedAt, string Message)>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = (await warehouse.Engine.QueryAsync<(DateTime, string)>(
                "SELECT started_at, message FROM etl.job_run WHERE job_name = 'inbox' AND outcome = 'failed' ORDER BY run_id")).ToList();
            if (done(rows) || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private sealed class RunIntervals : IJobListener
    {
        private readonly ConcurrentDictionary<string, DateTime> _started = new();

        public ConcurrentBag<(DateTime Start, DateTime End)> Intervals { get; } = [];

        public string Name => "test-run-intervals";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            _started[context.FireInstanceId] = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(InboxJob.Key) && _started.TryRemove(context.FireInstanceId, out var start))
                Intervals.Add((start, DateTime.UtcNow));
            return ValueTask.CompletedTask;
        }
    }
}

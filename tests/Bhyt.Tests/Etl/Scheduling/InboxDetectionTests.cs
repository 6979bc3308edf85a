using Bhyt.Etl.Detection;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>
/// The inbox pass followed by anomaly detection, on a real warehouse and a temporary inbox: detection runs only when a
/// file was loaded, sees what was just loaded, stores its findings and logs its outcome; a failing detector never undoes the load.
/// </summary>
public class InboxDetectionTests
{
    private const string Good = "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,220.000,actual\n";
    private const string Bad = "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,abc,actual\n";

    /// <summary>Reports every participants figure above 200 000 it reads in rpt.indicator_values (counts its calls).</summary>
    private sealed class ParticipantsProbe : IDetector
    {
        public int Calls { get; private set; }
        public string Name => "test.participants";
        public IReadOnlyCollection<string> Kinds => [AnomalyKinds.CoverageDrop];

        public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
        {
            Calls++;
            var rows = await context.Connection.QueryAsync<(string Unit, string Period, double Value)>(context.Engine.Sql("""
                SELECT unit_code, period_label, CAST(value AS DOUBLE) FROM rpt.indicator_values
                WHERE indicator_code = 'cov_participants' AND value > 200000
                """));
            return rows.Select(r => new AnomalyFinding(AnomalyKinds.CoverageDrop, "unit", r.Unit, r.Period, null, null, "cov_participants",
                r.Value, 200000, null, AnomalyFinding.Low, "test", $"{r.Unit} có {r.Value} người tham gia.") { UnitCode = r.Unit }).ToList();
        }
    }

    private sealed class Broken : IDetector
    {
        public string Name => "test.broken";
        public IReadOnlyCollection<string> Kinds => [AnomalyKinds.CoverageDrop];
        public Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct) =>
            throw new InvalidOperationException("hỏng");
    }

    private static async Task<InboxOptions> InboxAsync(TempWarehouse warehouse, params (string Name, string Text)[] files)
    {
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        foreach (var (name, text) in files) await File.WriteAllTextAsync(Path.Combine(options.Inbox, name), text);
        return options;
    }

    [Fact]
    public async Task RunOnceAsync_pass_that_loaded_a_file_runs_detection_on_the_new_data_and_logs_it()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = await InboxAsync(warehouse, ("good.csv", Good), ("bad.csv", Bad));
        var probe = new ParticipantsProbe();

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance,
            new DetectionRun(warehouse.Engine, [probe])).RunOnceAsync(CancellationToken.None);

        Assert.Equal(("partial", 1), (run.Outcome, probe.Calls));
        Assert.NotNull(run.Detection);
        Assert.Equal((1, 0), (run.Detection.Saved.Inserted, run.Detection.Saved.Refreshed));
        var stored = await warehouse.Engine.QueryAsync<(string Subject, string Period, string Status)>(
            "SELECT subject_code, period_label, status FROM rpt.anomalies");
        Assert.Equal([("672", "2022", "open")], stored);
        var logged = await warehouse.Engine.QueryAsync<(string Job, int Files, string Outcome, string Message)>(
            "SELECT job_name, files, outcome, coalesce(message, '') FROM etl.job_run ORDER BY run_id");
        Assert.Equal(3, logged.Count);
        Assert.Equal(("inbox", 2, "partial"), (logged[0].Job, logged[0].Files, logged[0].Outcome));
        Assert.Equal(("detect", 1, "ok"), (logged[1].Job, logged[1].Files, logged[1].Outcome));
        Assert.Contains("1 bất thường (1 mới, 0 cập nhật)", logged[1].Message);
        Assert.Equal(("alerts", 1, "ok"), (logged[2].Job, logged[2].Files, logged[2].Outcome)); // alert rules evaluated after detection
    }

    [Fact]
    public async Task RunOnceAsync_pass_that_loaded_nothing_does_not_run_detection()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = await InboxAsync(warehouse, ("bad.csv", Bad));
        var probe = new ParticipantsProbe();
        var processor = new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance, new DetectionRun(warehouse.Engine, [probe]));

        var rejected = await processor.RunOnceAsync(CancellationToken.None);
        var idle = await processor.RunOnceAsync(CancellationToken.None);

        Assert.Equal(("partial", 0, "idle"), (rejected.Outcome, rejected.Archived, idle.Outcome));
        Assert.Equal(0, probe.Calls);
        Assert.Null(rejected.Detection);
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT job_name FROM etl.job_run WHERE job_name = 'detect'"));
    }

    [Fact]
    public async Task RunOnceAsync_failing_detector_keeps_the_load_and_logs_the_failure()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = await InboxAsync(warehouse, ("good.csv", Good));

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance,
            new DetectionRun(warehouse.Engine, [new Broken()])).RunOnceAsync(CancellationToken.None);

        Assert.Equal(("ok", 1), (run.Outcome, run.Archived));
        Assert.Null(run.Detection);
        Assert.Contains("hỏng", run.DetectionError);
        Assert.Equal(220000m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
        var detect = Assert.Single(await warehouse.Engine.QueryAsync<(string Outcome, string Message)>(
            "SELECT outcome, message FROM etl.job_run WHERE job_name = 'detect'"));
        Assert.Equal("failed", detect.Outcome);
        Assert.Contains("hỏng", detect.Message);
    }
}

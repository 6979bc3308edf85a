using System.Diagnostics;
using Bhyt.Etl.Cli;
using Bhyt.Etl.Scheduling;
using Bhyt.Etl.Telemetry;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Queries;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bhyt.Tests.Etl.Telemetry;

/// <summary>
/// Traces, metrics and log scopes of real imports, inbox jobs and reporting queries, captured by OpenTelemetry's in-memory
/// exporter. In the Console collection, which runs alone, so no other test's import is counted.
/// </summary>
[Collection("Console")]
public sealed class EtlTelemetryTests : IDisposable
{
    private readonly List<Activity> _activities = [];
    private readonly List<Metric> _metrics = [];
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public EtlTelemetryTests()
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource(EtlTelemetry.Name, ReportingDb.MeterName).AddInMemoryExporter(_activities).Build()!;
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(EtlTelemetry.Name, ReportingDb.MeterName).AddInMemoryExporter(_metrics).Build()!;
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }

    private const string RejectedCsv = "unit_code,unit_name,period,indicator,value,value_kind\n68,,2021,chi_tieu_khong_co,5,actual\n68,,2021,cov_rate,\"91,5%\",actual\n";

    private sealed record Submission(string FileName, string Status, int RowsLoaded, int RowsRejected);

    private (long Sum, long Count) Totals(string instrument)
    {
        _meter.ForceFlush();
        long sum = 0, count = 0;
        foreach (var metric in _metrics.Where(m => m.Name == instrument).TakeLast(1))
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (metric.MetricType == MetricType.Histogram) count += point.GetHistogramCount();
                else sum += point.GetSumLong();
            }
        return (sum, count);
    }

    [Fact]
    public async Task Import_generatedFilesAndARejectedOne_oneTracePerFileAndRowsRejectedAndDurationsMeasured()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var generated = Path.Combine(warehouse.Directory, "generated");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("generate", "--out", generated, "--scale", "district", "--claims", "800", "--from", "2021", "--to", "2022", "--seed", "5")).ExitCode);
        await File.WriteAllTextAsync(Path.Combine(generated, "sai-chi-tieu.csv"), RejectedCsv);

        var run = await CliRun.RunAsync("import", generated, "--warehouse", warehouse.Path);
        _tracer.ForceFlush();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var submissions = await warehouse.Engine.QueryAsync<Submission>("SELECT file_name AS FileName, status AS Status, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected FROM rpt.submissions");
        var imports = _activities.Where(a => a.OperationName == "bhyt.import").ToList();
        Assert.Equal(submissions.Select(s => s.FileName).Order(), imports.Select(a => (string)a.GetTagItem("bhyt.file")!).Order());
        foreach (var submission in submissions)
        {
            var trace = imports.Single(a => (string)a.GetTagItem("bhyt.file")! == submission.FileName);
            Assert.Equal(submission.Status, trace.GetTagItem("bhyt.status"));
            Assert.Equal(submission.RowsLoaded, Convert.ToInt32(trace.GetTagItem("bhyt.rows")));
            Assert.Equal(submission.RowsRejected, Convert.ToInt32(trace.GetTagItem("bhyt.rejected")));
            Assert.Equal(submission.Status == "rejected" ? ActivityStatusCode.Error : ActivityStatusCode.Unset, trace.Status);
        }
        Assert.Contains(submissions, s => s.Status == "rejected" && s.RowsRejected > 0);
        Assert.Contains(submissions, s => s.FileName == "claims.csv" && s.RowsLoaded == 800);
        Assert.Equal(submissions.Sum(s => (long)s.RowsLoaded), Totals("bhyt.import.rows").Sum);
        Assert.Equal(submissions.Sum(s => (long)s.RowsRejected), Totals("bhyt.import.rejected").Sum);
        Assert.Equal((long)submissions.Count, Totals("bhyt.import.duration").Count);
        Assert.Equal((long)submissions.Count, Totals("bhyt.import.files").Sum);
    }

    [Fact]
    public async Task InboxJob_fileInTheInbox_jobTraceParentsTheImportAndLogsCarryFileAndSubmission()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "xa-68.csv"),
            "unit_code,unit_name,period,indicator,value,value_kind\n68,,2021,cov_rate,\"91,5%\",actual\n68,,2022,cov_rate,\"92,1%\",actual\n");
        var processorLog = new ScopeRecordingLogger<InboxProcessor>();
        var jobLog = new ScopeRecordingLogger<InboxJob>();

        await new InboxJob(new InboxProcessor(warehouse.Engine, options, processorLog), jobLog).Execute(null!, CancellationToken.None);
        _tracer.ForceFlush();

        var job = Assert.Single(_activities, a => a.OperationName == "bhyt.job");
        Assert.Equal("inbox", job.GetTagItem("bhyt.job"));
        Assert.Equal("ok", job.GetTagItem("bhyt.outcome"));
        var import = Assert.Single(_activities, a => a.OperationName == "bhyt.import");
        Assert.Equal(job.SpanId, import.ParentSpanId);
        var submission = (await warehouse.Engine.QueryAsync<long>("SELECT submission_id FROM rpt.submissions WHERE file_name = 'xa-68.csv'")).Single();
        var summary = Assert.Single(processorLog.Entries, e => e.Message.StartsWith("xa-68.csv: loaded", StringComparison.Ordinal));
        Assert.Equal("xa-68.csv", summary.Scope["File"]);
        Assert.Equal(submission, Convert.ToInt64(summary.Scope["Submission"]));
        Assert.Equal(1L, Totals("bhyt.job.duration").Count);
    }

    [Fact]
    public async Task ReportingQuery_onTheWarehouse_tracedWithItsNameAndRowsAndTimed()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        using var db = new ReportingDb(warehouse.Engine);

        var rows = await db.QueryAsync("SELECT code FROM rpt.indicators", null, r => r.GetString(0), CancellationToken.None, "Kiem.ChiTieu");
        _tracer.ForceFlush();

        var query = Assert.Single(_activities, a => a.OperationName == "bhyt.query");
        Assert.Equal("Kiem.ChiTieu", query.GetTagItem("bhyt.query"));
        Assert.Equal(rows.Count, Convert.ToInt32(query.GetTagItem("bhyt.rows")));
        Assert.True(rows.Count > 50);
        Assert.Equal(1L, Totals(ReportingDb.DurationInstrument).Count);
    }
}

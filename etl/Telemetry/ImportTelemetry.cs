using System.Diagnostics;
using Bhyt.Etl.Import;

namespace Bhyt.Etl.Telemetry;

/// <summary>
/// The trace and metrics of one file's import: an activity <c>bhyt.import</c> (tags: file name, kind, then submission,
/// status, rows, rejected) and the <see cref="EtlTelemetry"/> instruments once it ends.
/// </summary>
internal sealed class ImportTelemetry : IDisposable
{
    private readonly Activity? _activity;
    private readonly string _kind;
    private readonly long _started = Stopwatch.GetTimestamp();

    public ImportTelemetry(string path, string kind)
    {
        _kind = kind;
        _activity = EtlTelemetry.Source.StartActivity("bhyt.import");
        _activity?.SetTag("bhyt.file", Path.GetFileName(path));
        _activity?.SetTag("bhyt.kind", kind);
    }

    public void Succeeded(ImportResult result)
    {
        var submission = result.Submission;
        _activity?.SetTag("bhyt.submission", submission.SubmissionId);
        _activity?.SetTag("bhyt.status", submission.Status);
        _activity?.SetTag("bhyt.rows", submission.RowsLoaded);
        _activity?.SetTag("bhyt.rejected", submission.RowsRejected);
        if (result.IsRejected) _activity?.SetStatus(ActivityStatusCode.Error, "rejected");
        var kind = new KeyValuePair<string, object?>("bhyt.kind", _kind);
        EtlTelemetry.ImportedRows.Add(submission.RowsLoaded, kind);
        EtlTelemetry.RejectedRows.Add(submission.RowsRejected, kind);
        Ended(submission.Status);
    }

    public void Failed(Exception e)
    {
        _activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        _activity?.SetTag("bhyt.status", "failed");
        Ended("failed");
    }

    private void Ended(string status)
    {
        var tags = new TagList { { "bhyt.kind", _kind }, { "bhyt.status", status } };
        EtlTelemetry.ImportedFiles.Add(1, tags);
        EtlTelemetry.ImportDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
    }

    public void Dispose() => _activity?.Dispose();
}

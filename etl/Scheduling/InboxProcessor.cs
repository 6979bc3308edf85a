using System.Globalization;
using System.Diagnostics;
using System.Text;
using Bhyt.Etl.Audit;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Warehouse.Engines;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// What one pass over the inbox did. <see cref="Detection"/> is the detection run that followed (null when no file was
/// loaded, or when detection failed: see <see cref="DetectionError"/>).
/// </summary>
public sealed record InboxRun(long RunId, int Files, int Archived, int Quarantined, string Outcome,
    DetectionOutcome? Detection = null, string? DetectionError = null);

/// <summary>
/// One pass over the inbox: claims each settled file by renaming it into this worker's <c>processing/</c> folder
/// (<see cref="ProcessingLease"/>: two workers never take one file, a dead worker's files return to the inbox), imports it, moves it to <c>archive/</c> (loaded, duplicate) or
/// <c>quarantine/</c> (rejected, unreadable, or empty: no figure read — the report lists the near-misses, and any
/// figures found in its text wait on Duyệt số liệu) with a report beside it, and logs the run in <c>etl.job_run</c>
/// (passes that found no file are not logged).
/// A bad file never stops the pass. When the pass loaded at least one file, anomaly detection runs over all months
/// (<see cref="DetectionRun"/>: new data can change any month's baseline) and its outcome is logged too (job <c>detect</c>,
/// outcome <c>ok</c> or <c>failed</c>); a failed detection never undoes the loads. After a detection the alert rules are
/// evaluated and due notices sent (<see cref="Alerts.AlertRun"/>, job <c>alerts</c>). While a file loads, its progress goes
/// to <see cref="InboxStatus"/> (the dashboard's bar) and to the log as plain lines. Each file's import is recorded in the
/// audit log when an <see cref="AuditTrail"/> is given.
/// </summary>
public sealed class InboxProcessor(IWarehouseEngine engine, InboxOptions options, ILogger<InboxProcessor> logger, DetectionRun? detection = null,
    Alerts.AlertRun? alerts = null, InboxStatus? status = null, AuditTrail? audit = null) : IDisposable
{
    private readonly DetectionRun _detection = detection ?? new DetectionRun(engine);
    private readonly Alerts.AlertRun _alerts = alerts ?? new Alerts.AlertRun(engine);

    private readonly Lock _leaseGate = new();
    private ProcessingLease? _lease;

    /// <summary>This worker's claim on <c>processing/</c>, taken at the first pass and held until the process ends.</summary>
    private ProcessingLease Lease
    {
        get { lock (_leaseGate) return _lease ??= ProcessingLease.Acquire(options); }
    }

    public async Task<InboxRun> RunOnceAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.Inbox);
        var lease = Lease;
        Recover(lease);
        var started = DateTime.UtcNow;
        var files = ImportKinds.Registered.InLoadOrder(Directory.GetFiles(options.Inbox)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && DateTime.UtcNow - File.GetLastWriteTimeUtc(f) >= options.SettleTime)).ToList();
        int taken = 0, archived = 0, quarantined = 0;
        var failures = new List<string>();
        if (files.Count > 0)
        {
            var service = await ImportService.CreateAsync(engine, ct);
            foreach (var file in files)
            {
                // Claimed one at a time, just before its load, so that workers sharing the inbox share its files.
                if (lease.TryClaim(file) is not { } claimed) continue;
                taken++;
                var (ok, report) = await ImportClaimedAsync(lease, service, claimed, ct);
                Settle(claimed, ok ? options.Archive : options.Quarantine, $"{report}Xử lý bởi: {lease.Worker}{Environment.NewLine}");
                if (ok) archived++;
                else { quarantined++; failures.Add(Path.GetFileName(file)); }
            }
        }
        var outcome = taken == 0 ? "idle" : quarantined == 0 ? "ok" : "partial";
        var message = failures.Count == 0 ? null : $"Cách ly: {string.Join(", ", failures)}";
        // Idle passes (every few seconds) are not logged: the log says what the scheduler did, not that it woke up.
        var runId = taken == 0 ? 0 : await LogRunAsync("inbox", started, taken, outcome, message, ct);
        if (archived == 0) return new InboxRun(runId, taken, archived, quarantined, outcome);
        var (detected, error) = await DetectAsync(archived, ct);
        if (detected is not null) await AlertAsync(archived, ct);
        return new InboxRun(runId, taken, archived, quarantined, outcome, detected, error);
    }

    /// <summary>Releases this worker's claim when the host stops: files it still holds go back to the inbox.</summary>
    public void Dispose()
    {
        lock (_leaseGate)
        {
            _lease?.Dispose();
            _lease = null;
        }
    }

    /// <summary>
    /// Files a pass of this worker left claimed (it was cancelled or failed) and files of workers that died go back to
    /// the inbox before anything new is taken.
    /// </summary>
    private void Recover(ProcessingLease lease)
    {
        var returned = lease.ReturnOwn().Concat(lease.RecoverAbandoned()).ToList();
        if (returned.Count > 0)
            logger.LogWarning("Trả lại hộp thư {Count} tệp đang xử lý dở (tiến trình trước đã dừng giữa chừng): {Files}",
                returned.Count, string.Join(", ", returned.Select(Path.GetFileName)));
    }

    /// <summary>
    /// Imports a claimed file. A warehouse held by another process is no fault of the file: it goes back to the inbox and
    /// the pass fails (Quartz retries it); cancellation leaves it claimed for <see cref="Recover"/>.
    /// </summary>
    private async Task<(bool Ok, string Report)> ImportClaimedAsync(ProcessingLease lease, ImportService service, string claimed, CancellationToken ct)
    {
        try
        {
            return await ImportOneAsync(service, claimed, ct);
        }
        catch (WarehouseBusyException)
        {
            lease.Return(claimed);
            throw;
        }
    }

    private async Task<(DetectionOutcome? Outcome, string? Error)> DetectAsync(int loadedFiles, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        try
        {
            var result = await _detection.RunAsync(null, null, ct);
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            var summary = $"{result.Detectors} bộ phát hiện: {result.Findings.Count.ToString("N0", vi)} bất thường "
                          + $"({result.Saved.Inserted.ToString("N0", vi)} mới, {result.Saved.Refreshed.ToString("N0", vi)} cập nhật)";
            logger.LogInformation("Detection after inbox pass: {Summary}", summary);
            await LogRunAsync("detect", started, loadedFiles, "ok", summary, ct);
            return (result, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Anomaly detection after the inbox pass failed");
            var error = $"Phát hiện bất thường thất bại: {e.Message}";
            await LogRunAsync("detect", started, loadedFiles, "failed", error.Length > 4000 ? error[..4000] : error, ct);
            return (null, error);
        }
    }

    /// <summary>Evaluates the alert rules after a detection (job <c>alerts</c> in etl.job_run); a failure is logged, never thrown.</summary>
    private async Task AlertAsync(int loadedFiles, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        try
        {
            var summary = Alerts.AlertTexts.Summary(await _alerts.RunAsync(ct));
            logger.LogInformation("Alerts after detection: {Summary}", summary);
            await LogRunAsync("alerts", started, loadedFiles, "ok", summary, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Alert evaluation after detection failed");
            await LogRunAsync("alerts", started, loadedFiles, "failed", $"Đánh giá cảnh báo thất bại: {e.Message}", ct);
        }
    }

    private async Task<(bool Ok, string Report)> ImportOneAsync(ImportService service, string file, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var fileScope = logger.BeginScope(new Dictionary<string, object?> { ["File"] = Path.GetFileName(file) });
        try
        {
            var lines = new ProgressLines(line => logger.LogInformation("{Progress}", line));
            var progress = status is null ? (IProgress<LoadProgress>)lines : new ProgressFanOut(status, lines);
            var result = await service.ImportAsync(file, new ImportOptions(), progress, ct);
            using (logger.BeginScope(new Dictionary<string, object?> { ["Submission"] = result.Submission.SubmissionId }))
                logger.LogInformation("{Summary}", result.SummaryLine);
            if (audit is not null) await audit.AppendAsync(ImportAudit.Of(result, AuditChannels.Scheduler, AuditChannels.SystemUser, clock.Elapsed));
            var report = new StringBuilder(result.SummaryLine).AppendLine();
            if (result.Note is not null) report.AppendLine(result.Note);
            foreach (var issue in result.Issues)
                report.AppendLine($"{issue.Severity}\t{issue.Location}\t{issue.Rule}\t{issue.Message}");
            return (!result.IsRejected && !result.IsEmpty, report.ToString());
        }
        catch (Exception e) when (e is not OperationCanceledException and not WarehouseBusyException)
        {
            logger.LogWarning(e, "Inbox file {File} could not be imported", file);
            if (audit is not null) await audit.AppendAsync(ImportAudit.Failed(file, e, AuditChannels.Scheduler, AuditChannels.SystemUser, clock.Elapsed));
            return (false, $"{Path.GetFileName(file)}: không nạp được: {e.Message}{Environment.NewLine}");
        }
    }

    /// <summary>
    /// Moves a loaded or refused file from processing to its final folder under a unique stamped name. The report is
    /// written first (through a temporary file), so a file that reached the archive always has its report beside it; a
    /// crash before the rename leaves the file in processing, to be taken again (and found a duplicate if it had loaded).
    /// </summary>
    private static void Settle(string claimed, string folder, string report)
    {
        Directory.CreateDirectory(folder);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff");
        var target = Path.Combine(folder, $"{stamp}_{Path.GetFileName(claimed)}");
        for (var n = 2; File.Exists(target); n++) target = Path.Combine(folder, $"{stamp}-{n}_{Path.GetFileName(claimed)}");
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.report.tmp");
        File.WriteAllText(partial, report, Encoding.UTF8);
        File.Move(partial, target + ".report.txt", overwrite: true);
        File.Move(claimed, target, overwrite: true);
    }

    private async Task<long> LogRunAsync(string job, DateTime started, int files, string outcome, string? message, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_job_run", 1, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO etl.job_run (run_id, job_name, started_at, ended_at, files, outcome, message)
            VALUES (@id, @job, @started, @ended, @files, @outcome, @message)
            """), new { id, job, started, ended = DateTime.UtcNow, files, outcome, message }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return id;
    }
}

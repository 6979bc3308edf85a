using System.Globalization;
using System.Diagnostics;
using System.Text;
using Bhyt.Etl.Audit;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Sources.Claims.Xml;
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
/// audit log when an <see cref="AuditTrail"/> is given. The claims XML files a pass finds, when there are more than one,
/// load as one submission (<c>inbox/*.xml (N tệp)</c>, as <c>bhyt import</c> loads a folder of them): a file the batch
/// rejected goes to quarantine with its errors while the others are archived. A folder dropped into the inbox (once
/// nothing in it has changed for the settle time) is one delivery: claimed whole, imported as <c>bhyt import</c> imports a
/// folder, then archived or quarantined whole with one report (<see cref="ImportFolderAsync"/>).
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
        // Claims XML files (one claim a file, as facilities send them) load as one batch, as a folder of them does: they
        // are claimed together at the place of the first and settled file by file from the batch's outcome. An .xml file
        // that is not a claims envelope or TONG_HOP is imported on its own, to be refused as a file of no known kind.
        var xml = files.Where(f => ClaimFolder.IsXml(f) && ClaimsXmlReader.LooksLikeClaimsXml(f)).ToList();
        var batch = ClaimFolderBatch.IsBatch(xml) ? xml : [];
        var batched = batch.ToHashSet(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(options.Inbox).Where(d => !Path.GetFileName(d).StartsWith('.') && Settled(d))
            .Order(StringComparer.Ordinal).ToList();
        ImportService? service = null;
        if (files.Count > 0)
        {
            service = await ImportService.CreateAsync(engine, ct);
            foreach (var file in files)
            {
                if (batched.Contains(file))
                {
                    if (file != batch[0]) continue;
                    foreach (var (claimedFile, fileOk, fileReport) in await ImportBatchAsync(lease, service, batch, ct))
                        Count(claimedFile, fileOk, fileReport);
                    continue;
                }
                // Claimed one at a time, just before its load, so that workers sharing the inbox share its files.
                if (lease.TryClaim(file) is not { } claimed) continue;
                var (ok, report) = await ImportClaimedAsync(lease, service, claimed, ct);
                Count(claimed, ok, report);
            }
        }
        // A folder is one delivery, imported as `bhyt import <folder>` imports it and settled whole, after the loose files.
        foreach (var folder in folders)
        {
            if (lease.TryClaimFolder(folder) is not { } claimed) continue;
            service ??= await ImportService.CreateAsync(engine, ct);
            var (ok, report) = await ImportFolderAsync(lease, service, claimed, ct);
            Count(claimed, ok, report);
        }

        void Count(string claimed, bool ok, string report)
        {
            taken++;
            Settle(claimed, ok ? options.Archive : options.Quarantine, $"{report}Xử lý bởi: {lease.Worker}{Environment.NewLine}");
            if (ok) archived++;
            else { quarantined++; failures.Add(Path.GetFileName(claimed)); }
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
            var (result, report) = await ImportOneAsync(service, claimed, new ImportOptions(), ct);
            return (Loaded(result), report);
        }
        catch (WarehouseBusyException)
        {
            lease.Return(claimed);
            throw;
        }
    }

    /// <summary>
    /// Claims the inbox's claims XML files and imports those it got as one submission, named after the inbox
    /// (<c>inbox/*.xml (N tệp)</c>): this worker's folder holds just them while they load. A file the batch rejected is
    /// quarantined with its errors, the others follow the batch (archived when it loaded or was a duplicate). A single
    /// file got (another worker took the rest) is imported as a file.
    /// </summary>
    private async Task<IReadOnlyList<(string File, bool Ok, string Report)>> ImportBatchAsync(ProcessingLease lease, ImportService service,
        IReadOnlyList<string> files, CancellationToken ct)
    {
        var claimed = files.Select(lease.TryClaim).OfType<string>().ToList();
        if (claimed is [var single])
        {
            var (ok, report) = await ImportClaimedAsync(lease, service, single, ct);
            return [(single, ok, report)];
        }
        if (claimed.Count == 0) return [];
        try
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Inbox)));
            var (result, report) = await ImportOneAsync(service, lease.Folder, new ImportOptions(BatchName: name), ct);
            var rejected = (result?.RejectedFiles ?? []).ToDictionary(r => r.Name, StringComparer.Ordinal);
            return claimed.Select(file => rejected.TryGetValue(Path.GetFileName(file), out var own)
                ? (file, false, $"{Path.GetFileName(file)}: bị từ chối trong lô ({own.Errors} lỗi; lỗi đầu: {own.First.Location}: {own.First.Message} [{own.First.Rule}]); " +
                                $"các tệp khác của lô không bị ảnh hưởng.{Environment.NewLine}{report}")
                : (file, Loaded(result), report)).ToList();
        }
        catch (WarehouseBusyException)
        {
            foreach (var file in claimed) lease.Return(file);
            throw;
        }
    }

    /// <summary>
    /// Imports a claimed folder as <c>bhyt import</c> does (its facilities first, its claims XML files as one batch named
    /// after it, each other importable file on its own). It is settled whole: archived when every load succeeded, else
    /// quarantined, its report listing each file's outcome and the files it holds that no import reads. Sent again after
    /// a fix, the files that had loaded are duplicates and only the corrected ones load.
    /// </summary>
    private async Task<(bool Ok, string Report)> ImportFolderAsync(ProcessingLease lease, ImportService service, string claimed, CancellationToken ct)
    {
        var skipped = new List<string>();
        var report = new StringBuilder();
        var ok = true;
        try
        {
            var paths = ImportService.ExpandPaths([claimed], skipped.Add, xmlBatches: true);
            foreach (var path in paths)
            {
                var (result, text) = await ImportOneAsync(service, path, new ImportOptions(), ct);
                report.Append(text);
                ok &= Loaded(result) && result!.RejectedFiles.Count == 0;
            }
            if (paths.Count == 0)
            {
                ok = false;
                report.AppendLine($"{Path.GetFileName(claimed)}: thư mục không có tệp nào nạp được.");
            }
        }
        catch (WarehouseBusyException)
        {
            lease.Return(claimed);
            throw;
        }
        foreach (var file in skipped) report.AppendLine($"{Path.GetFileName(file)}: không phải loại tệp nạp được, bỏ qua.");
        foreach (var inner in Directory.GetDirectories(claimed))
            report.AppendLine($"{Path.GetFileName(inner)}/: thư mục con không được đọc; hãy gửi nó như một thư mục riêng.");
        return (ok, report.ToString());
    }

    /// <summary>
    /// Whether a folder of the inbox holds something and nothing in it (itself, its files, its subfolders) changed for the
    /// settle time: it is not still being copied. An empty folder is left alone (a sender may have made it and not yet
    /// begun to copy).
    /// </summary>
    private bool Settled(string folder)
    {
        var now = DateTime.UtcNow;
        var entries = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories);
        return entries.Length > 0 && now - Directory.GetLastWriteTimeUtc(folder) >= options.SettleTime
               && entries.All(entry => now - File.GetLastWriteTimeUtc(entry) >= options.SettleTime);
    }

    private static bool Loaded(ImportResult? result) => result is { IsRejected: false, IsEmpty: false };

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

    /// <summary>Imports a claimed file (or this worker's folder, as a batch); the result is null when the import failed.</summary>
    private async Task<(ImportResult? Result, string Report)> ImportOneAsync(ImportService service, string file, ImportOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var fileScope = logger.BeginScope(new Dictionary<string, object?> { ["File"] = options.BatchName ?? Path.GetFileName(file) });
        try
        {
            var lines = new ProgressLines(line => logger.LogInformation("{Progress}", line));
            var progress = status is null ? (IProgress<LoadProgress>)lines : new ProgressFanOut(status, lines);
            var result = await service.ImportAsync(file, options, progress, ct);
            using (logger.BeginScope(new Dictionary<string, object?> { ["Submission"] = result.Submission.SubmissionId }))
                logger.LogInformation("{Summary}", result.SummaryLine);
            if (audit is not null) await audit.AppendAsync(ImportAudit.Of(result, AuditChannels.Scheduler, AuditChannels.SystemUser, clock.Elapsed));
            var report = new StringBuilder(result.SummaryLine).AppendLine();
            if (result.Note is not null) report.AppendLine(result.Note);
            foreach (var issue in result.Issues)
                report.AppendLine($"{issue.Severity}\t{issue.Location}\t{issue.Rule}\t{issue.Message}");
            return (result, report.ToString());
        }
        catch (Exception e) when (e is not OperationCanceledException and not WarehouseBusyException)
        {
            logger.LogWarning(e, "Inbox file {File} could not be imported", file);
            if (audit is not null) await audit.AppendAsync(ImportAudit.Failed(file, e, AuditChannels.Scheduler, AuditChannels.SystemUser, clock.Elapsed));
            return (null, $"{options.BatchName ?? Path.GetFileName(file)}: không nạp được: {e.Message}{Environment.NewLine}");
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
        for (var n = 2; File.Exists(target) || Directory.Exists(target); n++) target = Path.Combine(folder, $"{stamp}-{n}_{Path.GetFileName(claimed)}");
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.report.tmp");
        File.WriteAllText(partial, report, Encoding.UTF8);
        File.Move(partial, target + ".report.txt", overwrite: true);
        if (Directory.Exists(claimed)) Directory.Move(claimed, target);
        else File.Move(claimed, target, overwrite: true);
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

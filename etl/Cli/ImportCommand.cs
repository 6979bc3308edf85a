using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Bhyt.Etl.Audit;
using Bhyt.Etl.Import;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt import &lt;path&gt;...</c>: loads files (a folder means every file in it, its claims XML files as one
/// submission, like a .zip of them) and prints one summary line per file or batch, or a JSON array with <c>--json</c>;
/// <c>--explain</c> adds how each table was recognised. While a file loads, its progress goes to standard error
/// (<see cref="ImportProgress"/>). Exit 1 when a file (or a file of a batch) was rejected or held no figure
/// (<c>empty</c>), 2 when a path is unusable. Each file's import is recorded in the audit log
/// as the operating-system user who ran the command.
/// </summary>
internal static class ImportCommand
{
    private const int IssuesShownPerFile = 25;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Tệp hoặc thư mục cần nạp.", Arity = ArgumentArity.OneOrMore };
        var kinds = ImportKinds.Registered;
        var kind = new Option<string>("--kind")
        {
            Description = "Loại tệp; auto nhận ra theo phần mở rộng và dòng tiêu đề: "
                + string.Join("; ", kinds.Kinds.Select(k => $"{k.Name} = {k.Reads} ({k.ExtensionList})")) + ".",
            DefaultValueFactory = _ => ImportKinds.Auto,
        };
        kind.AcceptOnlyFromAmong([.. kinds.Names]);
        var unit = new Option<string?>("--unit") { Description = "Mã đơn vị báo cáo (khi tài liệu không ghi rõ, hoặc để giới hạn tra tên đơn vị)." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (cho script)." };
        var explain = new Option<bool>("--explain") { Description = "In cách nhận dạng từng bảng: bộ đọc, dòng tiêu đề, cột nhãn/đơn vị tính/số thứ tự, kỳ và loại của từng cột, hướng bảng, bộ nhớ biểu mẫu, chất lượng." };
        var jumpBound = new Option<decimal>("--jump-bound") { Description = "Ngưỡng cảnh báo biến động so với kỳ trước (0,5 = ±50%).", DefaultValueFactory = _ => JumpCheck.DefaultBound };

        var command = new Command("import", "Nạp tệp báo cáo/số liệu vào kho: kiểm tra, từ chối tệp lỗi, ghi nhận cảnh báo.") { paths, kind, unit, json, explain, jumpBound };
        command.SetAction(async (parse, ct) =>
        {
            var engine = await BhytCli.CurrentEngineAsync(parse, ct);
            var files = ImportService.ExpandPaths(parse.GetRequiredValue(paths),
                skipped => Console.Error.WriteLine($"bỏ qua {Path.GetFileName(skipped)}: không phải tệp nhập ({kinds.ExtensionList})"), xmlBatches: true);
            var options = new ImportOptions(parse.GetValue(kind)!, parse.GetValue(unit), parse.GetValue(jumpBound));
            var service = await ImportService.CreateAsync(engine, ct);
            var asJson = parse.GetValue(json);
            var explained = parse.GetValue(explain);
            var audit = new AuditTrail(engine);

            var results = new List<ImportResult>();
            var unusable = false;
            for (var i = 0; i < files.Count; i++)
            {
                if (files.Count > 1) await Console.Error.WriteLineAsync($"[{i + 1}/{files.Count}] {Path.GetFileName(files[i])}");
                var clock = Stopwatch.StartNew();
                try
                {
                    var file = files[i];
                    var result = await ImportProgress.RunAsync(file, progress => service.ImportAsync(file, options, progress, ct));
                    await audit.AppendAsync(ImportAudit.Of(result, AuditChannels.Cli, Environment.UserName, clock.Elapsed));
                    results.Add(result);
                    if (!asJson) Print(result, explained);
                }
                catch (UnusableInputException e)
                {
                    await audit.AppendAsync(ImportAudit.Failed(files[i], e, AuditChannels.Cli, Environment.UserName, clock.Elapsed));
                    unusable = true;
                    await Console.Error.WriteLineAsync($"bhyt: {e.Message}");
                }
            }
            if (asJson) Console.WriteLine(JsonSerializer.Serialize(results.SelectMany(r => ToJson(r, explained)), JsonOptions));
            else if (files.Count > 1 || results.Any(r => r.RejectedFiles.Count > 0)) PrintRejections(results);
            // A claims .zip or folder loads its good files and rejects the others: rejected files inside it are a rejection too.
            return unusable ? ExitCodes.Usage : results.Any(r => r.IsRejected || r.IsEmpty || r.Issues.Any(i => i.IsError)) ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(ImportResult result, bool explain)
    {
        // A folder's batch of claims XML files: one line per file, as interfaces.md promises for a folder; the batch's own
        // line (its totals, after resubmissions were resolved) follows as a note.
        if (result.BatchFiles.Count == 0) Console.WriteLine(result.SummaryLine);
        foreach (var file in result.BatchFiles) Console.WriteLine(result.BatchFileLine(file));
        if (result.BatchFiles.Count > 0) Console.Error.WriteLine($"  lô {result.SummaryLine}");
        if (explain)
            foreach (var line in result.Tables.SelectMany(t => t.Explain())) Console.WriteLine($"  {line}");
        if (result.Note is not null && !result.IsRejected) Console.Error.WriteLine($"  {result.Note}");
        var shown = result.Issues.OrderBy(i => i.IsError ? 0 : 1).Take(IssuesShownPerFile).ToList();
        foreach (var issue in shown)
            Console.Error.WriteLine($"  {(issue.IsError ? "LỖI" : "cảnh báo")} {result.Submission.FileName}: {issue.Location}: {issue.Message} [{issue.Rule}]");
        if (result.Issues.Count > shown.Count)
            Console.Error.WriteLine($"  … và {result.Issues.Count - shown.Count} vấn đề khác (xem rpt.validation_issues, submission_id = {result.Submission.SubmissionId}).");
    }

    /// <summary>
    /// After a folder, several files or a batch with rejected files: every rejection again, each rejected file of a batch
    /// by name, so none scrolls away among the loaded files.
    /// </summary>
    private static void PrintRejections(IReadOnlyList<ImportResult> results)
    {
        var rejected = results.Where(r => r.IsRejected || r.Issues.Any(i => i.IsError)).ToList();
        if (rejected.Count == 0) return;
        Console.Error.WriteLine($"Từ chối ({rejected.Count}/{results.Count} tệp):");
        foreach (var result in rejected)
        {
            var first = result.Issues.FirstOrDefault(i => i.IsError);
            Console.Error.WriteLine($"  {result.Submission.FileName}: {result.Submission.Status}, {result.Issues.Count(i => i.IsError)} lỗi" +
                (first is null ? "" : $"; đầu tiên: {first.Location}: {first.Message} [{first.Rule}]"));
            foreach (var file in result.RejectedFiles)
                Console.Error.WriteLine($"    {file.Name}: {file.Errors} lỗi; đầu tiên: {file.First.Location}: {file.First.Message} " +
                    $"[{file.First.Rule}]");
        }
    }

    /// <summary>A result as JSON objects: one, or one per file of a folder's batch (each with its own issues and the batch's name).</summary>
    private static IEnumerable<object> ToJson(ImportResult r, bool explain) => r.BatchFiles.Count == 0 ? [ToJson(r, explain, null)]
        : r.BatchFiles.Select(f => ToJson(r, explain, f));

    private static object ToJson(ImportResult r, bool explain, ClaimBatchFile? f) => f is not null ? new
    {
        explain = (object?)null,
        file = f.Name, status = f.StatusIn(r.Submission.Status), rows = f.Loaded,
        rejected = f.Rejected, warnings = f.Warnings, submission = r.Submission.SubmissionId, duplicate_of = f.DuplicateOf ?? r.Submission.DuplicateOf,
        note = (string?)null, batch = r.Submission.FileName,
        rejected_files = r.RejectedFiles.Where(x => x.Name == f.Name).Select(RejectedFileJson),
        issues = r.Issues.Where(i => f.Holds(i.Location)).Select(IssueJson),
    } : new
    {
        explain = explain ? r.Tables.Select(t => t.Explain().ToList()) : null,
        file = r.Submission.FileName, status = r.Submission.Status, rows = r.Submission.RowsLoaded, rejected = r.Submission.RowsRejected,
        warnings = r.Submission.Warnings, submission = r.Submission.SubmissionId, duplicate_of = r.Submission.DuplicateOf, note = r.Note,
        rejected_files = r.RejectedFiles.Select(RejectedFileJson),
        issues = r.Issues.Select(IssueJson),
    };

    private static object RejectedFileJson(RejectedClaimFile f) => new { file = f.Name, errors = f.Errors, rule = f.First.Rule, location = f.First.Location };

    private static object IssueJson(ValidationIssue i) => new
    {
        severity = i.Severity, rule = i.Rule, location = i.Location, message = i.Message, unit_code = i.UnitCode, period_label = i.PeriodLabel,
        indicator_code = i.IndicatorCode,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

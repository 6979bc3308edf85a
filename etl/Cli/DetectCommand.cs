using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Etl.Detection;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt detect [--from yyyy-MM] [--to yyyy-MM] [--truth truth.json] [--json]</c>: runs every detector over one
/// connection, stores what they found (<see cref="DetectionRun"/>) and prints a summary per kind; with <c>--truth</c> it
/// scores itself against the planted anomalies (<see cref="TruthScore"/>), with <c>--json</c> the scores go to standard
/// output as JSON and the summary to standard error.
/// </summary>
internal static class DetectCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(IReadOnlyList<IDetector> detectors)
    {
        var from = new Option<string?>("--from") { Description = "Tháng đầu tiên cần xét (yyyy-MM); mặc định: mọi tháng." };
        var to = new Option<string?>("--to") { Description = "Tháng cuối cùng cần xét (yyyy-MM); mặc định: mọi tháng." };
        var truth = new Option<string?>("--truth") { Description = "Tệp truth.json (các bất thường đã cài sẵn) để tự chấm precision/recall theo loại." };
        var json = new Option<bool>("--json") { Description = "In kết quả chấm theo loại dạng JSON." };

        var command = new Command("detect", "Phát hiện bất thường (hồ sơ KCB, chi quỹ, bao phủ) và lưu vào rpt.anomalies.") { from, to, truth, json };
        command.SetAction(async (parse, ct) =>
        {
            var first = Month(parse.GetValue(from), "--from");
            var last = Month(parse.GetValue(to), "--to")?.AddMonths(1).AddDays(-1);
            if (first > last) throw new ArgumentException("--from phải không muộn hơn --to.");
            var engine = await BhytCli.CurrentEngineAsync(parse, ct);
            var planted = parse.GetValue(truth) is { } truthPath ? await TruthScore.ResolveCardsAsync(engine, TruthScore.Read(truthPath), ct) : null;

            var (_, findings, saved) = await new DetectionRun(engine, detectors).RunAsync(first, last, ct);

            var summary = parse.GetValue(json) ? Console.Error : Console.Out;
            WriteSummary(summary, detectors.Count, findings, saved);
            if (planted is not null)
            {
                var scores = TruthScore.Score(planted, findings);
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(scores, Json));
                else WriteScores(Console.Out, scores);
            }
            else if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(TruthScore.Score([], findings), Json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateOnly? Month(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        throw new ArgumentException($"{option} '{text}': cần một tháng dạng yyyy-MM, ví dụ 2023-07.");
    }

    private static void WriteSummary(TextWriter output, int detectorCount, IReadOnlyList<AnomalyFinding> findings, AnomalySaveResult saved)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        output.WriteLine($"Đã chạy {detectorCount} bộ phát hiện: {findings.Count.ToString("N0", vi)} bất thường "
                         + $"({saved.Inserted.ToString("N0", vi)} mới, {saved.Refreshed.ToString("N0", vi)} đã có và được cập nhật).");
        foreach (var kind in findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var description = AnomalyKinds.Descriptions.TryGetValue(kind.Key, out var text) ? $" — {text}" : "";
            output.WriteLine($"  {kind.Key}{description}: {kind.Count().ToString("N0", vi)} "
                             + $"(cao {Count(kind, AnomalyFinding.High)}, trung bình {Count(kind, AnomalyFinding.Medium)}, thấp {Count(kind, AnomalyFinding.Low)})");
        }
    }

    private static int Count(IEnumerable<AnomalyFinding> findings, string severity) => findings.Count(f => f.Severity == severity);

    private static void WriteScores(TextWriter output, IReadOnlyList<KindScore> scores)
    {
        output.WriteLine("Tự chấm theo đáp án (truth.json):");
        foreach (var s in scores)
            output.WriteLine($"  {s.Kind}: cài sẵn {s.Planted}, gắn cờ {s.Flagged}, đúng {s.TruePositives}, "
                             + $"precision {Ratio(s.Precision)}, recall {Ratio(s.Recall)}, mồi nhử bị gắn cờ {s.DecoysFlagged}/{s.Decoys}");
    }

    private static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";
}

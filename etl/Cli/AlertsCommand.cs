using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Etl.Alerts;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt alerts [--json]</c>: evaluates the alert rules now (<see cref="AlertRun"/>), stores the alerts in
/// <c>rpt.alerts</c>, sends what is due through the outbox and prints what it did (fired, repeated, resolved, silenced,
/// inhibited, delivered, failed). Deliveries that fail stay in the outbox for the next run: that is not a failure to run,
/// so the exit code is 0 unless the evaluation itself could not run.
/// </summary>
internal static class AlertsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("alerts", "Đánh giá các quy tắc cảnh báo, lưu vào rpt.alerts và gửi thư / webhook.") { json };
        command.SetAction(async (parse, ct) =>
        {
            var summary = await new AlertRun(await BhytCli.CurrentEngineAsync(parse, ct)).RunAsync(ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(summary, Json));
            else Console.WriteLine(AlertTexts.Summary(summary));
            return ExitCodes.Ok;
        });
        return command;
    }
}

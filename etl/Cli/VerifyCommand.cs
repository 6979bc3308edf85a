using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Etl.Verification;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt verify [--json]</c>: checks the warehouse's integrity (<see cref="WarehouseVerifier"/>) and lists each finding;
/// exit 0 when there is none, 1 otherwise. With <c>--json</c> the findings go to standard output as a JSON array.
/// </summary>
internal static class VerifyCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "In các phát hiện dạng JSON (mã, bảng, số lượng, ví dụ, thông báo)." };
        var command = new Command("verify",
            "Kiểm tra tính toàn vẹn của kho: khóa trỏ tới danh mục có thật, lịch sử giá trị, bảng tổng hợp hồ sơ KCB, số dòng của từng bản nộp.") { json };
        command.SetAction(async (parse, ct) =>
        {
            var report = await new WarehouseVerifier(await BhytCli.CurrentEngineAsync(parse, ct)).VerifyAsync(ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(report.Findings, Json));
            var output = parse.GetValue(json) ? Console.Error : Console.Out;
            foreach (var finding in report.Findings) output.WriteLine(finding.Message);
            output.WriteLine(report.IsClean
                ? "Kho dữ liệu toàn vẹn: không có phát hiện nào."
                : $"{report.Findings.Count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} phát hiện về tính toàn vẹn của kho.");
            return report.IsClean ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt restore &lt;file&gt; --warehouse &lt;new&gt;</c>: restores a backup into a target that does not exist yet, migrates it
/// to this version's schema (a backup from an older version), then runs <c>bhyt verify</c> on it: exit 1 with the findings
/// when the restored warehouse is not consistent.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var backup = new Argument<string>("file") { Description = "Tệp sao lưu do bhyt backup tạo." };
        var command = new Command("restore", "Khôi phục bản sao lưu vào một kho mới (--warehouse chưa tồn tại), rồi kiểm tra toàn vẹn.") { backup };
        command.SetAction((parse, ct) => FileOperation.RunAsync(async () =>
        {
            var engine = BhytCli.Engine(parse);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await engine.RestoreAsync(parse.GetValue(backup)!, ct);
            var init = await new WarehouseInitializer(engine).InitAsync(ct);
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            Console.WriteLine($"Đã khôi phục vào {engine.Target} (lược đồ phiên bản {init.SchemaVersion}) sau {clock.Elapsed.TotalSeconds.ToString("N2", vi)} giây.");
            var report = await new WarehouseVerifier(engine).VerifyAsync(ct);
            foreach (var finding in report.Findings) Console.WriteLine(finding.Message);
            Console.WriteLine(report.IsClean
                ? "Kho khôi phục toàn vẹn: không có phát hiện nào."
                : $"{report.Findings.Count.ToString("N0", vi)} phát hiện về tính toàn vẹn của kho khôi phục.");
            return report.IsClean ? ExitCodes.Ok : ExitCodes.Rejected;
        }));
        return command;
    }
}

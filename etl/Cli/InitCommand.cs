using System.CommandLine;
using System.Globalization;
using Bhyt.Warehouse;

namespace Bhyt.Etl.Cli;

/// <summary><c>bhyt init</c>: create or migrate the warehouse and load the bundled reference data (idempotent).</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Tạo hoặc nâng cấp kho dữ liệu và nạp dữ liệu tham chiếu (chạy lại an toàn).");
        command.SetAction(async (parse, ct) =>
        {
            var engine = BhytCli.Engine(parse);
            var report = await new WarehouseInitializer(engine).InitAsync(ct);
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            Console.WriteLine($"Kho dữ liệu: {report.Target} ({report.Engine}), phiên bản lược đồ {report.SchemaVersion}.");
            Console.WriteLine(report.Applied.Count == 0
                ? "Lược đồ đã mới nhất, không có migration nào cần áp dụng."
                : $"Đã áp dụng {report.Applied.Count} migration: {string.Join(", ", report.Applied.Select(m => m.Name))}.");
            foreach (var reference in report.References)
                Console.WriteLine(reference.Rows is { } rows
                    ? $"Đã nạp {reference.Name}: {rows.ToString("N0", vi)} dòng."
                    : $"{reference.Name}: đã có, không đổi.");
            Console.WriteLine($"Xong sau {report.Elapsed.TotalSeconds.ToString("N2", vi)} giây.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Bhyt.Warehouse.Operations;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt backup --out &lt;file&gt;</c>: a consistent copy of the warehouse taken while it is in use (see
/// <see cref="Bhyt.Warehouse.Engines.IWarehouseEngine.BackupAsync"/>). When the dashboard holds the embedded warehouse
/// open, the dashboard takes it; otherwise this process opens the file itself.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Tệp sao lưu (chưa tồn tại). SQL Server: đường dẫn trên máy chủ cơ sở dữ liệu, ví dụ D:\\backup\\bhyt.bak.",
            Required = true,
        };
        var command = new Command("backup", "Sao lưu nhất quán kho dữ liệu trong khi bảng điều khiển vẫn chạy.") { output };
        command.SetAction((parse, ct) => FileOperation.RunAsync(async () =>
        {
            var engine = BhytCli.Engine(parse);
            var file = parse.GetValue(output)!;
            var result = await OwnerRequest.TryAsync<BackupResult>(engine, "/operations/backup", file, ct)
                         ?? await new WarehouseBackup(engine).BackupAsync(file, byHost: false, ct);
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            Console.WriteLine($"Đã sao lưu {engine.Target} vào {result.File}" +
                              (result.Bytes > 0 ? $" ({(result.Bytes / 1048576.0).ToString("N1", vi)} MiB)" : "") +
                              $" sau {result.Seconds.ToString("N2", vi)} giây" + (result.ByHost ? " (do bảng điều khiển đang giữ kho thực hiện)." : "."));
            if (engine.Target.Kind == Warehouse.Engines.EngineKind.DuckDb)
                Console.WriteLine($"Khóa bí danh thẻ không nằm trong bản sao lưu: giữ riêng {engine.Target.Value}.key (hoặc BHYT_PSEUDONYM_KEY).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Bhyt.Warehouse.Export;
using Bhyt.Warehouse.Operations;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt export --out &lt;dir&gt;</c>: every <c>rpt</c> view as Parquet and CSV with <c>manifest.json</c> (see
/// <see cref="RptExporter"/>); done by the dashboard when it holds the embedded warehouse open.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Thư mục nhận các tệp .parquet, .csv và manifest.json.", Required = true };
        var command = new Command("export", "Xuất mọi view rpt ra Parquet và CSV kèm manifest.json (số dòng, SHA-256, cột, phiên bản lược đồ).") { output };
        command.SetAction((parse, ct) => FileOperation.RunAsync(async () =>
        {
            var engine = BhytCli.Engine(parse);
            var folder = parse.GetValue(output)!;
            var manifest = await OwnerRequest.TryAsync<ExportManifest>(engine, "/operations/export", folder, ct)
                           ?? await new RptExporter(engine).ExportAsync(folder, ct);
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            foreach (var file in manifest.Files.Where(f => f.Format == "parquet"))
                Console.WriteLine($"{file.View}: {file.Rows.ToString("N0", vi)} dòng");
            Console.WriteLine($"Đã xuất {manifest.Files.Count.ToString("N0", vi)} tệp ({(manifest.Files.Sum(f => f.Bytes) / 1048576.0).ToString("N1", vi)} MiB) " +
                              $"vào {Path.GetFullPath(folder)} sau {manifest.ElapsedSeconds.ToString("N2", vi)} giây; lược đồ phiên bản {manifest.SchemaVersion}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

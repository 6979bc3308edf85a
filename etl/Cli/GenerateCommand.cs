using System.CommandLine;
using Bhyt.Etl.Generation;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt generate --out &lt;dir&gt;</c>: synthetic but realistic facilities, claims, submissions and fund files over the
/// real administrative units, with planted anomalies listed in <c>truth.json</c>; claims as <c>claims.csv</c> or, with
/// <c>--format xml</c>, as the XML files facilities send. Same arguments, same bytes.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Thư mục ghi các tệp sinh ra.", Required = true };
        var scale = new Option<string>("--scale") { Description = "district | province | national", DefaultValueFactory = _ => "province" };
        scale.AcceptOnlyFromAmong(GenerationOptions.Scales);
        var from = new Option<int>("--from") { Description = "Năm đầu của số liệu bao phủ.", DefaultValueFactory = _ => 2009 };
        var to = new Option<int>("--to") { Description = "Năm cuối (hồ sơ KCB và quỹ: ba năm cuối).", DefaultValueFactory = _ => 2024 };
        var claims = new Option<long>("--claims") { Description = "Số hồ sơ KCB (dòng XML1).", DefaultValueFactory = _ => 100_000 };
        var province = new Option<string>("--province") { Description = "Mã tỉnh (trước 1/7/2025) cho --scale province.", DefaultValueFactory = _ => GenerationScope.DefaultProvince };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên; cùng hạt giống cho cùng tệp.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format")
        {
            Description = "csv = claims.csv (bảng XML1); xml = tệp XML như cơ sở KCB gửi (GIAMDINHHS, QĐ 4210 và QĐ 130, XML1 + XML2 + XML3; tệp lô, tệp một hồ sơ, tệp .zip).",
            DefaultValueFactory = _ => GenerationOptions.Csv,
        };
        format.AcceptOnlyFromAmong(GenerationOptions.Formats);
        var perFile = new Option<int>("--claims-per-file") { Description = "Số HOSO tối đa mỗi tệp lô XML (và mỗi tệp .zip) với --format xml.", DefaultValueFactory = _ => 10_000 };

        var command = new Command("generate", "Sinh dữ liệu tổng hợp (cơ sở KCB, hồ sơ XML1, báo cáo bao phủ, quỹ) kèm các bất thường cài sẵn.")
        {
            output, scale, from, to, claims, seed, province, format, perFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new GenerationOptions(parse.GetRequiredValue(output), parse.GetValue(scale)!, parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(claims), parse.GetValue(seed), parse.GetValue(province)!, parse.GetValue(format)!, parse.GetValue(perFile));
            var summary = await Task.Run(() => SyntheticDataGenerator.Run(options, Console.Error), ct);
            foreach (var (file, rows) in summary.Rows)
            {
                var size = new FileInfo(Path.Combine(options.OutputDirectory, file)).Length;
                await Console.Out.WriteLineAsync($"{Path.Combine(options.OutputDirectory, file)}: rows={rows} bytes={size}");
            }
            var kinds = string.Join(", ", summary.Planted.GroupBy(p => p.Kind).Select(g => $"{g.Key}={g.Count()}"));
            var decoys = string.Join(", ", summary.Decoys.GroupBy(p => p.Kind).Select(g => $"{g.Key}={g.Count()}"));
            await Console.Out.WriteLineAsync($"planted: {kinds}; decoys: {decoys}; seconds={summary.Elapsed.TotalSeconds:0.0}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

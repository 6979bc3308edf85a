using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Cli;

[Collection("Console")]
public class ImportCommandTests
{
    [Fact]
    public async Task Import_prints_the_summary_line_and_exits_1_when_a_file_is_rejected()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var good = Path.Combine(warehouse.Directory, "good.csv");
        var bad = Path.Combine(warehouse.Directory, "bad.csv");
        await File.WriteAllTextAsync(good, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2021,kcb_visits,1.234,\n");
        await File.WriteAllTextAsync(bad, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2021,kcb_visits,1.2.3.4x,\n");

        var run = await CliRun.RunAsync("import", good, bad, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Matches(@"good\.csv: loaded rows=1 rejected=0 warnings=0 submission=\d+", run.Out);
        Assert.Matches(@"bad\.csv: rejected rows=0 rejected=1 warnings=0 submission=\d+", run.Out);
        Assert.Contains("dòng 2, cột value", run.Error);
    }

    [Fact]
    public async Task Import_json_reports_duplicate_on_the_second_run()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var file = Path.Combine(warehouse.Directory, "a.csv");
        await File.WriteAllTextAsync(file, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2021,kcb_visits,1.234,\n");

        await CliRun.RunAsync("import", file, "--warehouse", warehouse.Path);
        var run = await CliRun.RunAsync("import", file, "--json", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var result = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("duplicate", result.GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Import_missing_path_exits_2()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var run = await CliRun.RunAsync("import", Path.Combine(warehouse.Directory, "nope.csv"), "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("input.not_found", run.Error);
    }

    [Fact]
    public async Task Import_folder_skips_a_file_of_no_registered_kind_naming_every_importable_extension()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var folder = Directory.CreateDirectory(Path.Combine(warehouse.Directory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), "unit_code,unit_name,period,indicator,value,value_kind\n672,,2021,kcb_visits,1.234,\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.odt"), "PK");

        var run = await CliRun.RunAsync("import", folder, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var skipped = run.Error.Split('\n').Single(l => l.StartsWith("bỏ qua notes.odt: không phải tệp nhập (", StringComparison.Ordinal));
        Assert.All(ImportKinds.Registered.Extensions, e => Assert.Contains(e, skipped));
        Assert.Matches(@"a\.csv: loaded rows=1", run.Out);
    }

    [Theory]
    [InlineData("notes.odt", "report", "không đọc được loại tệp này như một báo cáo (.md, .txt, .docx, .xlsx, .pdf, .png, .jpg, .jpeg, .tif, .tiff). [input.format]")]
    [InlineData("truth.json", "auto", "không nhận ra loại tệp; dùng --kind submission|report|claims|facilities|schedule. [input.format]")]
    public async Task Import_file_of_no_matching_kind_exits_2_naming_the_kinds(string name, string kind, string message)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var file = Path.Combine(warehouse.Directory, name);
        await File.WriteAllTextAsync(file, "{}");

        var run = await CliRun.RunAsync("import", file, "--kind", kind, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains($"{name}: {message}", run.Error);
    }
}

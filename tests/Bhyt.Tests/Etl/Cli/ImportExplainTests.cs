using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Support;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;

namespace Bhyt.Tests.Etl.Cli;

[Collection("Console")]
public class ImportExplainTests
{
    [Fact]
    public async Task Import_explain_prints_roles_and_empty_exits_1()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var good = Path.Combine(warehouse.Directory, "tot.docx");
        var blank = Path.Combine(warehouse.Directory, "trong.docx");
        new DocxBuilder().Paragraph("Báo cáo trên địa bàn thành phố Tuyên Quang")
            .Table(Row(Cell("TT"), Cell("Chỉ tiêu"), Cell("Đơn vị tính"), Cell("Thực hiện năm 2020")),
                Row(Cell("1"), Cell("Tỷ lệ bao phủ BHYT"), Cell("%"), Cell("90,5")))
            .Save(good);
        new DocxBuilder().Paragraph("Báo cáo trên địa bàn thành phố Tuyên Quang")
            .Table(Row(Cell("TT"), Cell("Chỉ tiêu"), Cell("Năm 2020")), Row(Cell("1"), Cell("Tỷ lệ bao phủ BHYT"), Cell("-")))
            .Save(blank);

        var ok = await CliRun.RunAsync("import", good, "--explain", "--warehouse", warehouse.Path);
        var empty = await CliRun.RunAsync("import", blank, "--warehouse", warehouse.Path);

        Assert.True(ok.ExitCode == ExitCodes.Ok, ok.ToString());
        Assert.Contains("cột đơn vị tính 3", ok.Out);
        Assert.Contains("kỳ 2020, thực hiện", ok.Out);
        Assert.Contains("chỉ tiêu theo dòng", ok.Out);
        Assert.True(empty.ExitCode == ExitCodes.Rejected, empty.ToString());
        Assert.Contains("trong.docx: empty rows=0", empty.Out);
    }
}

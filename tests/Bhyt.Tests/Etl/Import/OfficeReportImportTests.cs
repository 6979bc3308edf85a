using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Support;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;

namespace Bhyt.Tests.Etl.Import;

/// <summary>Report tables arriving as Word and Excel files, end to end through recognition and loading.</summary>
public class OfficeReportImportTests
{
    /// <summary>Tuyên Quang city's commune targets to 2019: merged year group, two communes and the total (also a crash-test input).</summary>
    internal static void WriteTuyenQuangTargets(string path) =>
        new DocxBuilder()
            .Paragraph("Kế hoạch thực hiện mục tiêu bao phủ bảo hiểm y tế trên địa bàn thành phố Tuyên Quang đến năm 2020")
            .Paragraph("BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG")
            .Table(
                Row(MergeStart("STT"), MergeStart("Xã, phường"), Cell("Đến hết năm 2019", span: 3)),
                Row(MergeContinue(), MergeContinue(), Cell("Số người đã tham gia BHYT (người)"), Cell("Dân số"), Cell("Tỷ lệ (%)")),
                Row(Cell("1"), Cell("Phường Ỷ La"), Cell("4.980"), Cell("5.010"), Cell("99,4")),
                Row(Cell("2"), Cell("Xã Tràng Đà"), Cell("5.679"), Cell("5.721"), Cell("99,3")),
                Row(Cell(""), Cell("Cộng", bold: true), Cell("10.659"), Cell("10.731"), Cell("99,3")))
            .Save(path);

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path, string? unit = null) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, unit), null, CancellationToken.None);

    [Fact]
    public async Task ImportAsync_docx_with_merged_year_groups_stores_commune_targets_and_the_total()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "giao_chi_tieu.docx");
        WriteTuyenQuangTargets(path);

        var result = await ImportAsync(warehouse, path);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal("070", result.Submission.UnitCode);
        Assert.Equal(4980m, await warehouse.Engine.ValueAsync("02215", "2019-12-31", "cov_participants", "target"));
        Assert.Equal(5721m, await warehouse.Engine.ValueAsync("02209", "2019-12-31", "cov_population", "target"));
        Assert.Equal(99.3m, await warehouse.Engine.ValueAsync("070", "2019-12-31", "cov_rate", "target"));
    }

    [Fact]
    public async Task ImportAsync_xlsx_indicator_rows_by_year_with_unit_option_loads_numbers_and_percent_cells()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "bao_cao.xlsx");
        new XlsxBuilder().Sheet("Phụ lục 4")
            .Text("A1", "Tỷ lệ bao phủ BHYT")
            .Text("A2", "STT").Text("B2", "Chỉ tiêu").Text("C2", "Năm 2021").Text("D2", "Năm 2022")
            .Text("A3", "1").Text("B3", "Tổng số người dân tham gia BHYT").Number("C3", 215000).Number("D3", 218500)
            .Text("A4", "2").Text("B4", "Tỷ lệ người dân tham gia BHYT/tổng dân số").Number("C4", 0.924, XlsxBuilder.Style.Percent1).Text("D4", "-")
            .Save(path);

        var result = await ImportAsync(warehouse, path, unit: "672");

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(218500m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
        Assert.Equal(92.4m, await warehouse.Engine.ValueAsync("672", "2021", "cov_rate"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2022", "cov_rate"));
    }
}

using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using DocumentFormat.OpenXml.Wordprocessing;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;
using static Bhyt.Tests.Etl.Sources.RawDocumentDump;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>.docx documents built in code with Open XML, read back exactly.</summary>
public sealed class DocxDocumentReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DocxDocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_table_with_merged_year_groups_and_label_gives_text_in_every_spanned_cell()
    {
        var path = _folder.File("giao-chi-tieu.docx");
        new DocxBuilder()
            .Paragraph(Run("BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG", bold: true))
            .Paragraph()
            .Paragraph(Run("2.1. Tỷ lệ bao phủ "), Run("BHYT", bold: true))
            .Table(
                Row(MergeStart("STT"), MergeStart("Xã, phường"), Cell("Đến hết năm 2018", span: 4),
                    Cell(2, new Paragraph(Lines("Đến hết", "năm 2019")))),
                Row(MergeContinue(), MergeContinue(), Cell("Số người đã tham gia BHYT (người)"),
                    Cell("Số người chưa tham gia BHYT (người)"), Cell("Dân số"), Cell("Tỷ lệ (%)"), Cell("Dân số"), Cell("Tỷ lệ (%)")),
                Row(Cell("1"), MergeStart("Phường Phan Thiết"), Cell("131.408"), Cell("125"), Cell("10.125"), Cell("60,85%"),
                    Cell("10.300"), Cell("99,5")),
                Row(Cell(""), MergeContinue(), Cell("1.000"), Cell("0"), Cell("1.000"), Cell("100"), Cell("1.000"), Cell("100")),
                Row(Cell(""), Cell(new Paragraph(Run("Cộng", bold: true)), new Paragraph(), new Paragraph(Run("toàn thành phố"))),
                    Cell("132.408", bold: true), Cell("125"), Cell("11.125"), Cell("98,9"), Cell("11.300"), Cell("99,6")))
            .Paragraph("Ghi chú: số liệu ước tính.")
            .Save(path);

        var document = _reader.Read(path);

        Assert.Equal(
        [
            P(1, "BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG"),
            P(3, "2.1. Tỷ lệ bao phủ BHYT"),
            P(4, "Ghi chú: số liệu ước tính."),
            T(0, "2.1. Tỷ lệ bao phủ BHYT"),
            R(1, "STT", "Xã, phường", "Đến hết năm 2018", "Đến hết năm 2018", "Đến hết năm 2018", "Đến hết năm 2018",
                "Đến hết năm 2019", "Đến hết năm 2019"),
            R(2, "STT", "Xã, phường", "Số người đã tham gia BHYT (người)", "Số người chưa tham gia BHYT (người)", "Dân số",
                "Tỷ lệ (%)", "Dân số", "Tỷ lệ (%)"),
            R(3, "1", "Phường Phan Thiết", "131.408", "125", "10.125", "60,85%", "10.300", "99,5"),
            R(4, "", "Phường Phan Thiết", "1.000", "0", "1.000", "100", "1.000", "100"),
            R(5, "", "Cộng toàn thành phố", "132.408", "125", "11.125", "98,9", "11.300", "99,6"),
        ], Lines(document));
        Assert.Equal("giao-chi-tieu.docx", document.FileName);
    }

    [Fact]
    public void Read_nested_table_gives_its_own_table_after_the_outer_one()
    {
        var path = _folder.File("nested.docx");
        var inner = new Table(Row(Cell("Tuyến huyện"), Cell("433.710")), Row(Cell("Tuyến xã"), Cell("181.046")));
        new DocxBuilder()
            .Paragraph("2.3. Khám bệnh, chữa bệnh BHYT")
            .Table(
                Row(Cell("STT"), Cell("Khám, chữa bệnh BHYT")),
                Row(Cell("1"), Cell(new Paragraph(Run("Tổng số lượt khám")), inner, new Paragraph())))
            .Save(path);

        var document = _reader.Read(path);

        Assert.Equal(
        [
            P(1, "2.3. Khám bệnh, chữa bệnh BHYT"),
            T(0, "2.3. Khám bệnh, chữa bệnh BHYT"),
            R(1, "STT", "Khám, chữa bệnh BHYT"),
            R(2, "1", "Tổng số lượt khám"),
            T(1, "2.3. Khám bệnh, chữa bệnh BHYT"),
            R(1, "Tuyến huyện", "433.710"),
            R(2, "Tuyến xã", "181.046"),
        ], Lines(document));
    }

    [Fact]
    public void Read_row_with_grid_before_gives_empty_leading_cells()
    {
        var path = _folder.File("grid-before.docx");
        new DocxBuilder()
            .Table(Row(Cell("STT"), Cell("Chỉ tiêu"), Cell("2024")), RowAfter(2, Cell("212.612")))
            .Save(path);

        var table = Assert.Single(_reader.Read(path).Tables);

        Assert.Null(table.Title);
        Assert.Equal([R(1, "STT", "Chỉ tiêu", "2024"), R(2, "", "", "212.612")], table.Rows.Select(r => R(r.Line, [.. r.Cells])));
    }

    [Fact]
    public void Read_file_that_is_not_a_docx_throws_unusable_input_naming_the_file()
    {
        var path = _folder.Write("broken.docx", "không phải tệp Word"u8.ToArray());

        var error = Assert.Throws<UnusableInputException>(() => _reader.Read(path));

        Assert.Contains("broken.docx", error.Message);
        Assert.Contains("[input.corrupt]", error.Message);
    }

    [Fact]
    public void Read_workbook_renamed_to_docx_throws_unusable_input()
    {
        var path = _folder.File("renamed.docx");
        new XlsxBuilder().Sheet("Sheet1").Text("A1", "STT").Save(path);

        var error = Assert.Throws<UnusableInputException>(() => _reader.Read(path));

        Assert.Contains("renamed.docx", error.Message);
    }
}

using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using static Bhyt.Tests.Etl.Sources.RawDocumentDump;
using Style = Bhyt.Tests.Etl.Sources.XlsxBuilder.Style;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>.xlsx workbooks built in code with Open XML, read back exactly.</summary>
public sealed class XlsxDocumentReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly XlsxDocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_sheet_with_title_rows_and_merged_header_gives_paragraphs_and_spread_table()
    {
        var path = _folder.File("giao-chi-tieu.xlsx");
        new XlsxBuilder().Sheet("Xã phường")
            .Text("A1", "BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG").Merge("A1:H1")
            .Text("A2", "(Kèm theo Kế hoạch số 31/KH-UBND)").Merge("A2:H2")
            .Text("A4", "STT").Merge("A4:A5")
            .Text("B4", "Xã, phường").Merge("B4:B5")
            .Text("C4", "Đến hết năm 2018").Merge("C4:F4")
            .Text("G4", "Đến hết năm 2019").Merge("G4:H4")
            .Text("C5", "Số người đã tham gia BHYT (người)").Text("D5", "Số người chưa tham gia BHYT (người)")
            .Text("E5", "Dân số").Text("F5", "Tỷ lệ (%)").Text("G5", "Dân số").Text("H5", "Tỷ lệ (%)")
            .Number("A6", 1).Text("B6", "Phường Phan Thiết").Number("C6", 131408, Style.Thousands).Text("D6", "131.408")
            .Number("E6", 0.6085, Style.Percent2).Text("F6", "60,85%").Number("G6", 0.9, Style.Percent1).Number("H6", 60.85)
            .Text("A8", "  Cộng\ntoàn thành phố ").Merge("A8:B8")
            .Formula("C8", "SUM(C6:C7)", 131408).Boolean("D8", true).Number("E8", 43465, Style.Date)
            .Number("F8", 43465, Style.DayMonthYear).InlineText("H8", "hết")
            .Save(path);

        var document = _reader.Read(path);

        Assert.Equal(
        [
            P(1, "BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG"),
            P(2, "(Kèm theo Kế hoạch số 31/KH-UBND)"),
            T(0, "(Kèm theo Kế hoạch số 31/KH-UBND)", "Xã phường"),
            R(4, "STT", "Xã, phường", "Đến hết năm 2018", "Đến hết năm 2018", "Đến hết năm 2018", "Đến hết năm 2018",
                "Đến hết năm 2019", "Đến hết năm 2019"),
            R(5, "STT", "Xã, phường", "Số người đã tham gia BHYT (người)", "Số người chưa tham gia BHYT (người)", "Dân số",
                "Tỷ lệ (%)", "Dân số", "Tỷ lệ (%)"),
            R(6, "1", "Phường Phan Thiết", "131408", "131.408", "60.85%", "60,85%", "90%", "60.85"),
            R(8, "Cộng toàn thành phố", "Cộng toàn thành phố", "131408", "TRUE", "2018-12-31", "2018-12-31", "", "hết"),
        ], Lines(document));
        Assert.Equal("giao-chi-tieu.xlsx", document.FileName);
    }

    [Fact]
    public void Read_workbook_gives_a_table_per_sheet_with_content_titled_by_the_sheet_without_title_rows()
    {
        var path = _folder.File("sheets.xlsx");
        new XlsxBuilder()
            .Sheet("Trống")
            .Sheet("Bao phủ").Text("B2", "Chỉ tiêu").Number("C2", 2021).Number("D2", 2022)
            .Text("B3", "Tỷ lệ bao phủ BHYT").Number("C3", 0.919, Style.Percent1).Number("D3", 0.30000000000000004)
            .Sheet("Ghi chú").Text("A1", "Chỉ một cột").Text("A3", "không có bảng")
            .Save(path);

        var document = _reader.Read(path);

        Assert.Equal(
        [
            T(0, "Bao phủ", "Bao phủ"),
            R(2, "Chỉ tiêu", "2021", "2022"),
            R(3, "Tỷ lệ bao phủ BHYT", "91.9%", "0.3"),
            T(1, "Ghi chú", "Ghi chú"),
            R(1, "Chỉ một cột"),
            R(3, "không có bảng"),
        ], Lines(document));
    }

    [Fact]
    public void Read_file_that_is_not_an_xlsx_throws_unusable_input_naming_the_file()
    {
        var path = _folder.Write("broken.xlsx", "không phải tệp Excel"u8.ToArray());

        var error = Assert.Throws<UnusableInputException>(() => _reader.Read(path));

        Assert.Contains("broken.xlsx", error.Message);
        Assert.Contains("[input.corrupt]", error.Message);
    }

    [Fact]
    public void Read_missing_file_throws_unusable_input_saying_it_cannot_be_read()
    {
        var error = Assert.Throws<UnusableInputException>(() => _reader.Read(_folder.File("absent.xlsx")));

        Assert.Contains("absent.xlsx", error.Message);
        Assert.Contains("[input.unreadable]", error.Message);
    }
}

using System.Text;
using Bhyt.Etl.Sources;
using static Bhyt.Tests.Etl.Sources.RawDocumentDump;

namespace Bhyt.Tests.Etl.Sources.TextTables;

/// <summary>Tables flattened one cell per line (web copies, PDF copy-paste) rebuilt into rows by the text reader.</summary>
public sealed class FlattenedTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_web_copy_with_unit_column_and_blank_lines_gives_rows_of_the_header_width()
    {
        var document = Read("tin-bai.txt",
            "Trang chủ > Tin tức > Y tế",
            "Thứ Ba, 14/03/2023 09:12",
            "Huyện Tam Nông đẩy mạnh phát triển người tham gia bảo hiểm y tế, kết quả ba năm gần đây như sau.",
            "Bảng 1. Kết quả phát triển người tham gia BHYT",
            "TT",
            "",
            "Chỉ tiêu",
            "",
            "Đơn vị tính",
            "Năm 2020",
            "Năm 2021",
            "Năm 2022",
            "1",
            "Dân số trung bình",
            "Người",
            "101.250",
            "",
            "102.004",
            "102.873",
            "2",
            "Số người tham gia BHYT",
            "Người",
            "88.410",
            "90.115",
            "93.002",
            "3",
            "Tỷ lệ bao phủ BHYT",
            "%",
            "87,32",
            "88,34",
            "90,41",
            "Nguồn: BHXH huyện Tam Nông.",
            "Lượt xem: 1.234");

        Assert.Equal(
        [
            P(1, "Trang chủ > Tin tức > Y tế"),
            P(2, "Thứ Ba, 14/03/2023 09:12"),
            P(3, "Huyện Tam Nông đẩy mạnh phát triển người tham gia bảo hiểm y tế, kết quả ba năm gần đây như sau."),
            P(4, "Bảng 1. Kết quả phát triển người tham gia BHYT"),
            P(32, "Nguồn: BHXH huyện Tam Nông."),
            P(33, "Lượt xem: 1.234"),
            T(0, "Bảng 1. Kết quả phát triển người tham gia BHYT"),
            R(5, "TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "Năm 2021", "Năm 2022"),
            R(13, "1", "Dân số trung bình", "Người", "101.250", "102.004", "102.873"),
            R(20, "2", "Số người tham gia BHYT", "Người", "88.410", "90.115", "93.002"),
            R(26, "3", "Tỷ lệ bao phủ BHYT", "%", "87,32", "88,34", "90,41"),
        ], Lines(document));
        Assert.Equal("flattened", document.Tables[0].Layout);
    }

    [Fact]
    public void Read_label_first_table_without_title_keeps_missing_trailing_cells_empty_and_joins_wrapped_labels()
    {
        var document = Read("xa.md",
            "Chỉ tiêu",
            "Thực hiện 2023",
            "Kế hoạch 2024",
            "Ghi chú",
            "Số người tham gia BHYT hộ gia đình",
            "12 345",
            "13 000",
            "Tỷ lệ người tham gia BHYT so",
            "với dân số (%)",
            "92.5%",
            "93.0%",
            "đạt",
            "Số lượt khám chữa bệnh BHYT",
            "40.118",
            "",
            "Trong đó: nội trú",
            "3.006",
            "3.100",
            "Ngày 02/01/2024, UBND xã đã tổ chức hội nghị triển khai nhiệm vụ năm 2024 với sự tham dự của các ban ngành.");

        Assert.Equal(
        [
            P(19, "Ngày 02/01/2024, UBND xã đã tổ chức hội nghị triển khai nhiệm vụ năm 2024 với sự tham dự của các ban ngành."),
            T(0, null),
            R(1, "Chỉ tiêu", "Thực hiện 2023", "Kế hoạch 2024", "Ghi chú"),
            R(5, "Số người tham gia BHYT hộ gia đình", "12 345", "13 000", ""),
            R(8, "Tỷ lệ người tham gia BHYT so với dân số (%)", "92.5%", "93.0%", "đạt"),
            R(13, "Số lượt khám chữa bệnh BHYT", "40.118", "", ""),
            R(16, "Trong đó: nội trú", "3.006", "3.100", ""),
        ], Lines(document));
    }

    [Fact]
    public void Read_ocr_copy_without_diacritics_and_letters_in_figures_keeps_text_as_written()
    {
        var document = Read("ocr.txt",
            "KET QUA THUC HIEN CHI TIEU BH YT",
            "STT",
            "Noi dung",
            "Nam 2O22",
            "Nam 2023",
            "I",
            "Bao phu BHYT",
            "1",
            "So nguoi tham gia BH YT",
            "45.l20",
            "46.S01",
            "2",
            "Ty le bao phu (%)",
            "9O,12",
            "91,O5",
            "Ghi chú: số liệu ước đến 31/12/2023");

        Assert.Equal(
        [
            T(0, "KET QUA THUC HIEN CHI TIEU BH YT"),
            R(2, "STT", "Noi dung", "Nam 2O22", "Nam 2023"),
            R(6, "I", "Bao phu BHYT", "", ""),
            R(8, "1", "So nguoi tham gia BH YT", "45.l20", "46.S01"),
            R(12, "2", "Ty le bao phu (%)", "9O,12", "91,O5"),
        ], Lines(document).Where(l => !l.StartsWith("paragraph")));
    }

    [Fact]
    public void Read_numbered_rows_with_sub_rows_and_small_figures_tells_a_row_number_from_a_value()
    {
        var document = Read("cosokcb.txt",
            "TT",
            "Đơn vị",
            "2022",
            "2023",
            "1",
            "Xã Hòa Bình",
            "2",
            "3",
            "2",
            "Xã Tân Phú",
            "4",
            "-",
            "3",
            "Thị trấn Phú Lộc",
            "12",
            "15");

        Assert.Equal(
        [
            R(1, "TT", "Đơn vị", "2022", "2023"),
            R(5, "1", "Xã Hòa Bình", "2", "3"),
            R(9, "2", "Xã Tân Phú", "4", "-"),
            R(13, "3", "Thị trấn Phú Lộc", "12", "15"),
        ], Assert.Single(document.Tables).Rows.Select(r => R(r.Line, [.. r.Cells])));
        Assert.Empty(document.Paragraphs);
    }

    [Fact]
    public void Read_prose_with_short_lines_and_years_finds_no_table()
    {
        var document = Read("prose.md",
            "**1. Mục tiêu**",
            "Năm 2024",
            "Phấn đấu tỷ lệ bao phủ đạt 95%",
            "- Duy trì kết quả",
            "Năm 2025",
            "- Tỷ lệ bao phủ đạt 96% dân số.");

        Assert.Empty(document.Tables);
        Assert.Equal(6, document.Paragraphs.Count);
    }

    private RawDocument Read(string name, params string[] lines) =>
        new TextDocumentReader().Read(_folder.Write(name, Encoding.UTF8.GetBytes(string.Join("\n", lines))));
}

using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using static Bhyt.Tests.Etl.Sources.RawDocumentDump;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>Small .md/.txt documents written in code, read back exactly.</summary>
public sealed class TextDocumentReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TextDocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_tab_table_with_blank_lines_inside_gives_one_table_titled_by_the_heading_before_it()
    {
        var document = ReadText("report.md",
            "# **Báo cáo tổng kết**",
            "",
            "### **2.1. Tỷ lệ bao phủ BHYT (giai đoạn 2009 - 2024)**",
            "",
            "STT\tTỷ lệ bao phủ BHYT\t2009-2014\t2015-2019\t2020-2024",
            "1\tTổng số người dân tham gia BHYT\t131.408\t179.611\t212.612",
            "",
            "2\tTỷ lệ người dân tham gia BHYT/tổng dân số\t60,85%\t84,4%\t91,9%",
            "",
            "",
            "\t<b>BHYT trên tổng số người tham gia BHYT (%)</b>\t\t\t",
            "Ghi chú: số liệu đến 31/12/2024.   ");

        Assert.Equal(
        [
            P(1, "# **Báo cáo tổng kết**"),
            P(3, "### **2.1. Tỷ lệ bao phủ BHYT (giai đoạn 2009 - 2024)**"),
            P(12, "Ghi chú: số liệu đến 31/12/2024."),
            T(0, "### **2.1. Tỷ lệ bao phủ BHYT (giai đoạn 2009 - 2024)**"),
            R(5, "STT", "Tỷ lệ bao phủ BHYT", "2009-2014", "2015-2019", "2020-2024"),
            R(6, "1", "Tổng số người dân tham gia BHYT", "131.408", "179.611", "212.612"),
            R(8, "2", "Tỷ lệ người dân tham gia BHYT/tổng dân số", "60,85%", "84,4%", "91,9%"),
            R(11, "", "<b>BHYT trên tổng số người tham gia BHYT (%)</b>", "", "", ""),
        ], Lines(document));
        Assert.Equal("tab", document.Tables[0].Layout);
    }

    [Fact]
    public void Read_table_ended_by_a_paragraph_gives_two_tables_each_titled_by_its_own_paragraph()
    {
        var document = ReadText("two.txt",
            "Phụ lục 1: Tình hình quán triệt",
            "Cấp\tĐã quán triệt",
            "Cấp tỉnh\t100%",
            "**Phụ lục 2:** Văn bản đã ban hành",
            "TT\tCơ quan ban hành",
            "I\tTỉnh ủy");

        Assert.Equal(
        [
            P(1, "Phụ lục 1: Tình hình quán triệt"),
            P(4, "**Phụ lục 2:** Văn bản đã ban hành"),
            T(0, "Phụ lục 1: Tình hình quán triệt"),
            R(2, "Cấp", "Đã quán triệt"),
            R(3, "Cấp tỉnh", "100%"),
            T(1, "**Phụ lục 2:** Văn bản đã ban hành"),
            R(5, "TT", "Cơ quan ban hành"),
            R(6, "I", "Tỉnh ủy"),
        ], Lines(document));
    }

    [Fact]
    public void Read_two_row_header_with_empty_group_cells_keeps_every_column_position()
    {
        var document = ReadText("communes.txt",
            "STT\tXã, phường\tĐến hết năm 2018\t\t\t\tĐến hết năm 2019\t\t",
            "\t\tĐã tham gia\tChưa tham gia\tDân số\tTỷ lệ (%)\tDân số\tTỷ lệ (%)",
            "1\tPhường Phan Thiết\t10.000\t125\t10.125\t98,8\t10.300\t99,5",
            "\t<b>Cộng</b>\t<b>102.233</b>\t\t\t\t\t");

        var rows = Assert.Single(document.Tables).Rows;
        Assert.Equal(
        [
            R(1, "STT", "Xã, phường", "Đến hết năm 2018", "", "", "", "Đến hết năm 2019", "", ""),
            R(2, "", "", "Đã tham gia", "Chưa tham gia", "Dân số", "Tỷ lệ (%)", "Dân số", "Tỷ lệ (%)"),
            R(3, "1", "Phường Phan Thiết", "10.000", "125", "10.125", "98,8", "10.300", "99,5"),
            R(4, "", "<b>Cộng</b>", "<b>102.233</b>", "", "", "", "", ""),
        ], rows.Select(r => R(r.Line, [.. r.Cells])));
        Assert.Null(document.Tables[0].Title);
    }

    [Fact]
    public void Read_markdown_pipe_table_drops_the_separator_row_and_ends_at_a_blank_line()
    {
        var document = ReadText("pipes.md",
            "## Bảng 1. Số thu Quỹ BHYT",
            "| STT | Chỉ tiêu | 2023 |",
            "|---|:---:|---:|",
            "| 1 | Số thu \\| kế hoạch | 622.943 triệu đồng |",
            "|  | Tỷ lệ | 97,01% |",
            "",
            "| Sau | bảng |",
            "- mục kết thúc");

        Assert.Equal(
        [
            P(1, "## Bảng 1. Số thu Quỹ BHYT"),
            P(8, "- mục kết thúc"),
            T(0, "## Bảng 1. Số thu Quỹ BHYT"),
            R(2, "STT", "Chỉ tiêu", "2023"),
            R(4, "1", "Số thu | kế hoạch", "622.943 triệu đồng"),
            R(5, "", "Tỷ lệ", "97,01%"),
            T(1, "## Bảng 1. Số thu Quỹ BHYT"),
            R(7, "Sau", "bảng"),
        ], Lines(document));
        Assert.All(document.Tables, t => Assert.Equal("pipe", t.Layout));
    }

    [Fact]
    public void Read_utf8_with_bom_and_crlf_gives_the_same_document_as_without()
    {
        const string text = "Tên tỉnh: Lâm Đồng\r\nSTT\tChỉ tiêu\r\n1\tTổng số người dân tham gia BHYT\r\n";
        var withBom = _reader.Read(_folder.Write("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
        var withoutBom = _reader.Read(_folder.Write("plain.txt", Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));

        Assert.Equal(Lines(withoutBom), Lines(withBom));
        Assert.Equal(
        [
            P(1, "Tên tỉnh: Lâm Đồng"),
            T(0, "Tên tỉnh: Lâm Đồng"),
            R(2, "STT", "Chỉ tiêu"),
            R(3, "1", "Tổng số người dân tham gia BHYT"),
        ], Lines(withBom));
        Assert.Equal("bom.txt", withBom.FileName);
    }

    [Fact]
    public void Read_windows1258_bytes_are_converted_to_unicode_and_noted()
    {
        byte[] windows1258 = [.. Encoding.ASCII.GetBytes("Ti"), 0xEA, .. Encoding.ASCII.GetBytes("u ch\tX"), 0xE3];

        var document = _reader.Read(_folder.Write("legacy.txt", windows1258));

        Assert.Equal([R(1, "Tiêu ch", "Xă")], document.Tables.Single().Rows.Select(r => R(r.Line, [.. r.Cells])));
        Assert.Contains("Windows-1258", document.EncodingNotice?.Message);
    }

    [Fact]
    public void Read_missing_file_throws_unusable_input_naming_the_file()
    {
        var error = Assert.Throws<UnusableInputException>(() => _reader.Read(_folder.File("absent.md")));

        Assert.Contains("absent.md", error.Message);
    }

    [Fact]
    public void Read_empty_file_gives_empty_document()
    {
        var document = _reader.Read(_folder.Write("empty.md", []));

        Assert.Empty(document.Paragraphs);
        Assert.Empty(document.Tables);
    }

    private RawDocument ReadText(string name, params string[] lines) =>
        _reader.Read(_folder.Write(name, Encoding.UTF8.GetBytes(string.Join("\n", lines))));
}

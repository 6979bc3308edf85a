using Bhyt.Warehouse.Dictionary;

namespace Bhyt.Tests.Warehouse.Dictionary;

public class DictionarySourceTests
{
    private static readonly DictionaryVocabulary Kinds = new("kinds", "Loại", [new("coverage_drop", "Bao phủ giảm"), new("below_target", "Dưới chỉ tiêu")]);

    private static ViewDescription Read(params string[] lines) => DictionarySource.ReadView("sql/dictionary/audit.txt", lines, [Kinds]);

    [Fact]
    public void ReadView_lines_give_the_view_then_its_columns_in_order_with_notes_and_blanks_skipped()
    {
        var view = Read(
            "# notes",
            "rpt.audit | Nhật ký thao tác.",
            "",
            "at | Thời điểm (UTC) | | 2026-03-02 08:15:00",
            "rows | Số dòng trả về | dòng | 1.250",
            "query | Câu truy vấn, ví dụ có dấu \\| bên trong | | SELECT 1 \\| 2");

        Assert.Equal("audit", view.View);
        Assert.Equal(new DescriptionText("Nhật ký thao tác", null, null), view.Text);
        Assert.Equal(["at", "rows", "query"], view.Columns.Select(c => c.Column));
        Assert.Equal(new DescriptionText("Số dòng trả về", "dòng", "1.250"), view.Columns[1].Text);
        Assert.Equal(new DescriptionText("Câu truy vấn, ví dụ có dấu | bên trong", null, "SELECT 1 | 2"), view.Columns[2].Text);
    }

    [Fact]
    public void ReadView_vocabulary_placeholder_reads_its_codes_with_their_meanings()
    {
        var view = Read("rpt.audit | Nhật ký", "kind | Loại: {kinds} | | coverage_drop");

        Assert.Equal("Loại: coverage_drop (Bao phủ giảm); below_target (Dưới chỉ tiêu)", view.Columns[0].Text.Meaning);
    }

    [Theory]
    [InlineData("dòng 1: dòng đầu phải mô tả view 'rpt.audit", "rpt.audits | Nhật ký")]
    [InlineData("dòng 2: cần 4 phần", "rpt.audit | Nhật ký", "at | Thời điểm | 2026-03-02")]
    [InlineData("dòng 3: cột 'at' đã được mô tả", "rpt.audit | Nhật ký", "at | Thời điểm | | x", "at | Lần nữa | | y")]
    [InlineData("dòng 2: thiếu ý nghĩa", "rpt.audit | Nhật ký", "at |  | | x")]
    [InlineData("dòng 2: không có danh mục nào tên '{loai}'", "rpt.audit | Nhật ký", "kind | Loại: {loai} | | x")]
    [InlineData("dòng 2: ý nghĩa và đơn vị không được chứa 'Ví dụ:'", "rpt.audit | Nhật ký", "at | Thời điểm. Ví dụ: hôm nay | | x")]
    [InlineData("dòng 1: tệp không mô tả view rpt.audit", "# chỉ có ghi chú")]
    public void ReadView_malformed_line_throws_naming_the_file_line_and_problem(string expected, params string[] lines)
    {
        var error = Assert.Throws<DictionarySourceException>(() => Read(lines));

        Assert.Contains("sql/dictionary/audit.txt, " + expected, error.Message);
        Assert.Contains("[dictionary.source]", error.Message);
    }

    [Fact]
    public void ReadView_description_longer_than_SQL_Server_keeps_throws()
    {
        var error = Assert.Throws<DictionarySourceException>(() => Read("rpt.audit | Nhật ký", $"at | {new string('x', 3800)} | | x"));

        Assert.Contains("3750", error.Message);
    }
}

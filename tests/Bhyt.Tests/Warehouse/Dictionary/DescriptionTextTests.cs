using Bhyt.Warehouse.Dictionary;

namespace Bhyt.Tests.Warehouse.Dictionary;

public class DescriptionTextTests
{
    [Theory]
    [InlineData("Tổng chi phí KCB (T_TONGCHI)", "đồng", "3.450.000.000", "Tổng chi phí KCB (T_TONGCHI). Đơn vị: đồng. Ví dụ: 3.450.000.000")]
    [InlineData("Mã tỉnh của cơ sở", null, "24", "Mã tỉnh của cơ sở. Ví dụ: 24")]
    [InlineData("Trọng số", "tỷ lệ (0–1)", null, "Trọng số. Đơn vị: tỷ lệ (0–1)")]
    [InlineData("Các view rpt. Xem rpt.units", null, null, "Các view rpt. Xem rpt.units")]
    public void ToComment_then_Parse_gives_back_meaning_unit_and_example(string meaning, string? unit, string? example, string comment)
    {
        var text = new DescriptionText(meaning, unit, example);

        Assert.Equal(comment, text.ToComment());
        Assert.Equal(text, DescriptionText.Parse(comment));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_no_comment_is_null(string? comment) => Assert.Null(DescriptionText.Parse(comment));

    [Fact]
    public void Parse_comment_written_by_hand_without_markers_is_all_meaning()
    {
        var text = DescriptionText.Parse("zone maps over month_key; Ví dụ without the marker's dot");

        Assert.Equal(new DescriptionText("zone maps over month_key; Ví dụ without the marker's dot", null, null), text);
    }
}

using System.Globalization;
using Bhyt.Etl.Parsing;

namespace Bhyt.Tests.Etl.Parsing;

public class VietnameseNumberMoneyTests
{
    [Theory]
    [InlineData("622.943 triệu đồng", "622943")]    // seeds/001 2.4: total BHYT revenue 2015-2019
    [InlineData("622.943 Triệu Đồng", "622943")]
    [InlineData("622.943 trieu dong", "622943")]
    [InlineData("622.943 triệu", "622943")]
    [InlineData("622.943 tr.đ", "622943")]
    [InlineData("622.943 trđ", "622943")]
    [InlineData("622.943trđ", "622943")]
    [InlineData("622,943 tỷ đồng", "622943")]       // the same sum written in billions
    [InlineData("622,943 tỷ", "622943")]
    [InlineData("1,5 tỉ", "1500")]
    [InlineData("1,5 TỶ ĐỒNG", "1500")]
    [InlineData("1,5 ty dong", "1500")]
    [InlineData("2 nghìn tỷ đồng", "2000000")]
    [InlineData("2 ngàn tỷ", "2000000")]
    [InlineData("1.500.000 đồng", "1.5")]
    [InlineData("1.500.000 đ", "1.5")]
    [InlineData("1.500.000 VND", "1.5")]
    [InlineData("1.500.000 VNĐ", "1.5")]
    [InlineData("1.500.000 vnđ", "1.5")]
    [InlineData("250 nghìn đồng", "0.25")]
    [InlineData("<b>622.943</b> triệu đồng", "622943")]
    public void Parse_money_text_gives_million_vnd(string text, string expected)
    {
        var value = decimal.Parse(expected, CultureInfo.InvariantCulture);

        var untargeted = VietnameseNumber.Parse(text);
        var targeted = VietnameseNumber.Parse(text, "million_vnd");

        Assert.Equal(CellValueKind.Number, untargeted.Kind);
        Assert.Equal(value, untargeted.Value);
        Assert.Equal("million_vnd", untargeted.Unit);
        Assert.Equal(untargeted, targeted);
    }

    [Theory]
    [InlineData("622.943", "622943")]
    [InlineData("1,5", "1.5")]
    [InlineData("622943", "622943")]
    public void Parse_money_target_without_unit_takes_number_as_million_vnd(string text, string expected)
    {
        var cell = VietnameseNumber.Parse(text, "million_vnd");

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), cell.Value);
        Assert.Null(cell.Unit);
    }

    [Theory]
    [InlineData("97,01%", "million_vnd", "percent")]
    [InlineData("622.943 triệu đồng", "persons", "million_vnd")]
    [InlineData("622.943 triệu đồng", "percent", "million_vnd")]
    [InlineData("1,5 tỷ", "visits", "million_vnd")]
    [InlineData("60,85%", "persons", "percent")]
    [InlineData("60,85%", "households", "percent")]
    public void Parse_stated_unit_contradicting_target_gives_invalid_naming_both(string text, string target, string stated)
    {
        var cell = VietnameseNumber.Parse(text, target);

        Assert.Equal(CellValueKind.Invalid, cell.Kind);
        Assert.Contains($"'{text}'", cell.Error);
        Assert.Contains($"({stated})", cell.Error);
        Assert.Contains($"({target})", cell.Error);
    }

    [Theory]
    [InlineData("14.114 người", "percent")]
    [InlineData("614.756 lượt", "million_vnd")]
    public void Parse_count_word_for_percent_or_money_target_gives_invalid(string text, string target)
    {
        var cell = VietnameseNumber.Parse(text, target);

        Assert.Equal(CellValueKind.Invalid, cell.Kind);
        Assert.Contains($"({target})", cell.Error);
    }

    [Theory]
    [InlineData("60,85%", "percent", "60.85")]
    [InlineData("60,85", "percent", "60.85")]
    [InlineData("131.408", "persons", "131408")]
    [InlineData("-", "million_vnd", null)]
    [InlineData("", "percent", null)]
    public void Parse_text_matching_target_gives_value(string text, string target, string? expected)
    {
        var cell = VietnameseNumber.Parse(text, target);

        if (expected is null) Assert.Equal(CellValueKind.NotReported, cell.Kind);
        else Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), cell.Value);
    }

    [Fact]
    public void Parse_unit_mismatch_message_is_vietnamese_with_both_units()
    {
        var cell = VietnameseNumber.Parse("97,01%", "million_vnd");

        Assert.Equal("Giá trị '97,01%' ghi đơn vị phần trăm (percent) nhưng chỉ tiêu tính bằng triệu đồng (million_vnd).", cell.Error);
    }

    [Fact]
    public void Parse_money_beyond_decimal_range_gives_invalid_not_exception()
    {
        var cell = VietnameseNumber.Parse("79.228.162.514.264.337.593.543.950 nghìn tỷ đồng");

        Assert.Equal(CellValueKind.Invalid, cell.Kind);
        Assert.Contains("quá lớn", cell.Error);
    }
}

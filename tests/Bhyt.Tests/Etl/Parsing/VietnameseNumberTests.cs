using Bhyt.Etl.Parsing;

namespace Bhyt.Tests.Etl.Parsing;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("131.408", "131408")]            // seeds/001 2.1: people insured 2009-2014
    [InlineData("179.611", "179611")]
    [InlineData("10.000", "10000")]              // seeds/002: Phường Phan Thiết 2018
    [InlineData("<b>102.233</b>", "102233")]     // seeds/002: total row in bold
    [InlineData("<b>2.043</b>", "2043")]
    [InlineData("98,8", "98.8")]                 // seeds/002 rates without '%'
    [InlineData("100,0", "100")]
    [InlineData("0", "0")]
    [InlineData("18", "18")]
    [InlineData("1.234.567,5", "1234567.5")]
    [InlineData("131408", "131408")]
    [InlineData("60.85", "60.85")]
    [InlineData("1,234,567.5", "1234567.5")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.125", "0.125")]
    [InlineData("1234.567", "1234.567")]
    [InlineData("131 408", "131408")]
    [InlineData("1 234 567,5", "1234567.5")]
    [InlineData(",5", "0.5")]
    public void Parse_number_forms_gives_value_without_unit(string text, string expected)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
        Assert.Null(cell.Unit);
        Assert.Null(cell.Error);
    }

    [Theory]
    [InlineData("60,85%", "60.85")]   // seeds/001 2.1: coverage 2009-2014
    [InlineData("84,4%", "84.4")]
    [InlineData("91,9%", "91.9")]
    [InlineData("100%", "100")]       // seeds/001 2.2: within-group rates
    [InlineData("78,11%", "78.11")]   // seeds/001 2.2: students
    [InlineData("97,01%", "97.01")]   // seeds/001 2.4: revenue against plan
    [InlineData("10,80%", "10.80")]
    [InlineData("60,85 %", "60.85")]
    [InlineData("60.85%", "60.85")]
    public void Parse_percent_text_gives_value_in_percent(string text, string expected)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
        Assert.Equal("percent", cell.Unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0")]
    [InlineData("-")]                 // seeds/001: most cells of 2009-2014
    [InlineData(" - ")]
    [InlineData("–")]
    [InlineData("—")]
    [InlineData("--")]
    [InlineData("<b>-</b>")]
    [InlineData("x")]
    [InlineData("X")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("...")]
    [InlineData("không có số liệu")]
    [InlineData("Không có số liệu")]
    [InlineData("khong co so lieu")]
    [InlineData("chưa có số liệu")]
    [InlineData("<b></b>")]
    public void Parse_empty_or_dash_gives_not_reported_never_zero(string? text)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.NotReported, cell.Kind);
        Assert.False(cell.IsNumber);
        Assert.Null(cell.Error);
    }

    [Fact]
    public void Parse_default_cell_value_is_not_reported() =>
        Assert.Equal(CellValueKind.NotReported, default(CellValue).Kind);

    [Theory]
    [InlineData("12.345<sup>2</sup>", "12345")]
    [InlineData("131.408<sup>(1)</sup>", "131408")]
    [InlineData("12.345²", "12345")]
    [InlineData("\\*131.408", "131408")]
    [InlineData("131.408\\*", "131408")]
    [InlineData("**131.408**", "131408")]
    [InlineData("*60,85%*", "60.85")]
    [InlineData("\u00a0131.408\u00a0", "131408")]
    [InlineData("131\u00a0408", "131408")]
    [InlineData("131\u202f408", "131408")]
    [InlineData("  <b> 44.321 </b>  ", "44321")]
    [InlineData("131.408&nbsp;", "131408")]
    public void Parse_markup_and_footnotes_are_ignored(string text, string expected)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("-5", "-5")]
    [InlineData("−5", "-5")]
    [InlineData("–5", "-5")]
    [InlineData("-1.234,5", "-1234.5")]
    [InlineData("+5", "5")]
    [InlineData("- 5", "5")]          // a list bullet left by conversion, not a minus
    [InlineData("– 18", "18")]
    [InlineData("+ 7.049", "7049")]
    [InlineData("• 12", "12")]
    public void Parse_attached_dash_is_minus_and_spaced_dash_is_bullet(string text, string expected)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("12,3,4")]
    [InlineData("12 / 15")]
    [InlineData("12 15")]
    [InlineData("1.23.456")]
    [InlineData("1.2345.678")]
    [InlineData("1,234.5,6")]
    [InlineData("1.234,5.6")]
    [InlineData("0.123.456")]
    [InlineData("1 234.567,8")]
    [InlineData("12.")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("khoảng 12")]
    [InlineData("~12")]
    [InlineData("<5")]
    [InlineData("(5)")]
    [InlineData("1e5")]
    [InlineData("12 abc")]
    [InlineData("12%%")]
    [InlineData("%")]
    [InlineData("không")]
    [InlineData("١٢")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("79.228.162.514.264.337.593.543.950 nghìn tỷ đồng")]
    public void Parse_text_that_is_not_one_number_gives_invalid_quoting_it(string text)
    {
        var cell = VietnameseNumber.Parse(text);

        Assert.Equal(CellValueKind.Invalid, cell.Kind);
        Assert.StartsWith($"Không đọc được số '{text}'", cell.Error);
    }

    [Fact]
    public void Parse_ill_formed_text_gives_invalid_not_exception()
    {
        // Built in code: test-case serialisation would repair the lone surrogates.
        Assert.Equal(CellValueKind.Invalid, VietnameseNumber.Parse("12 " + (char)0xD800).Kind);
        Assert.Equal(CellValueKind.Invalid, VietnameseNumber.Parse((char)0xDC00 + "5").Kind);
    }

    [Fact]
    public void Parse_invalid_markup_cell_quotes_text_without_markup()
    {
        var cell = VietnameseNumber.Parse("<b>12,3,4</b>");

        Assert.Equal("Không đọc được số '12,3,4': mỗi nhóm hàng nghìn phải có đúng 3 chữ số (ví dụ 131.408 hoặc 1.234.567,5).", cell.Error);
    }

    [Theory]
    [InlineData("1.234", null, "1234")]        // Vietnamese first
    [InlineData("1,234", null, "1.234")]
    [InlineData("1.234", "persons", "1234")]   // a count is whole
    [InlineData("1,234", "persons", "1234")]
    [InlineData("1,234", "visits", "1234")]
    [InlineData("1,234 người", null, "1234")]
    [InlineData("1.234", "percent", "1.234")]  // a rate is never a thousand percent
    [InlineData("1,234", "percent", "1.234")]
    [InlineData("1.234%", null, "1.234")]
    [InlineData("1.234", "million_vnd", "1234")]
    [InlineData("1,234", "million_vnd", "1.234")]
    [InlineData("1,2345", "persons", "1.2345")] // not three digits: never a group
    public void Parse_single_separator_before_three_digits_is_decided_by_unit(string text, string? target, string expected)
    {
        var cell = VietnameseNumber.Parse(text, target);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("14.114 người", "persons", "14114")]
    [InlineData("614.756 lượt", "visits", "614756")]
    [InlineData("44.321 hộ", "households", "44321")]
    [InlineData("19 cơ sở", "facilities", "19")]
    [InlineData("26.358 thẻ", "persons", "26358")]
    [InlineData("26.358 THẺ", "persons", "26358")]
    [InlineData("26.358 the", "persons", "26358")]
    [InlineData("26.358 (người)", "persons", "26358")]
    public void Parse_count_words_are_accepted_and_ignored(string text, string target, string expected)
    {
        var cell = VietnameseNumber.Parse(text, target);

        Assert.Equal(CellValueKind.Number, cell.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
        Assert.Null(cell.Unit);
    }
}

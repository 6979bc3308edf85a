using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(1234567.0, "persons", "1.234.567")]
    [InlineData(90.85, "percent", "90,85 %")]
    [InlineData(103_000_000.0, "million_vnd", "103.000,0 tỷ đồng")]
    public void Values_use_vietnamese_separators(double value, string unit, string expected) => Assert.Equal(expected, Format.Value(value, unit));

    [Theory]
    [InlineData(200_000_000.0, "visits", "200 triệu")]
    [InlineData(68_500_000.0, "persons", "68,5 triệu")]
    [InlineData(45_000.0, "persons", "45 nghìn")]
    [InlineData(9_000.0, "persons", "9.000")]
    [InlineData(7_500.0, "million_vnd", "7,5 tỷ")]
    [InlineData(125_000_000.0, "million_vnd", "125 nghìn tỷ")]
    [InlineData(92.5, "percent", "92,5 %")]
    public void Axis_labels_are_short_enough_for_the_chart_margin(double value, string unit, string expected) => Assert.Equal(expected, Format.Axis(value, unit));

    [Theory]
    [InlineData(null, null, null, null, "VN", 2009, 2024, "pre2025")]
    [InlineData("672", 2024, 2015, "post2025", "672", 2015, 2024, "post2025")]
    [InlineData(" 68 ", 1990, 2050, "bogus", "68", 2000, 2035, "pre2025")]
    public void Selection_from_the_url_falls_back_to_sane_values(string? unit, int? from, int? to, string? set, string code, int first, int last, string boundary)
    {
        var selection = Selection.FromQuery(unit, from, to, set);
        Assert.Equal(new Selection(code, first, last, boundary), selection);
        Assert.Equal(selection, Selection.FromQuery(
            Uri.UnescapeDataString(selection.ToQuery().Split('&')[0][5..]), selection.From, selection.To, selection.Set));
    }
}

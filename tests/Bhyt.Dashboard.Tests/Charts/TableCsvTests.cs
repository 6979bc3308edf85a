using Bhyt.Dashboard.Charts;

namespace Bhyt.Dashboard.Tests.Charts;

public sealed class TableCsvTests
{
    /// <summary>The one cell's text as a spreadsheet reads it back (RFC 4180 quotes removed).</summary>
    private static string Cell(string text)
    {
        var field = TableCsv.Build(["a"], [[text]])["a\r\n".Length..^"\r\n".Length];
        return field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"") : field;
    }

    [Fact]
    public void Build_separators_and_formulas_are_quoted_and_neutralised()
    {
        var text = TableCsv.Build(["a", "b"], [["x,y", "=HYPERLINK(\"evil\")"], ["-5", "\"q\""]]);
        Assert.Equal("a,b\r\n\"x,y\",\"'=HYPERLINK(\"\"evil\"\")\"\r\n-5,\"\"\"q\"\"\"\r\n", text);
    }

    // OWASP CSV injection: a cell starting with =, +, -, @, tab or carriage return may run as a formula.
    [Theory]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("+2+3+cmd|' /C calc'!A0", "'+2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("-A1", "'-A1")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    public void Build_cell_that_could_run_as_a_formula_is_prefixed(string cell, string expected) => Assert.Equal(expected, Cell(cell));

    // Numbers as the dashboard formats them (vi-VN) stay readable as numbers.
    [Theory]
    [InlineData("-2")]
    [InlineData("-1,5")]
    [InlineData("-12,3 %")]
    [InlineData("−100 %")]
    [InlineData("-1.234.567")]
    [InlineData("-0,25 điểm %")]
    [InlineData("+1,25 điểm %")]
    [InlineData("-3,4 tỷ đồng")]
    [InlineData("-5")]
    [InlineData("90,85 %")]
    public void Build_negative_or_signed_number_stays_as_shown(string cell) => Assert.Equal(cell, Cell(cell));
}

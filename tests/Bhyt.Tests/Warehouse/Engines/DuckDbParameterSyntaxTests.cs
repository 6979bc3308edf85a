using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Warehouse.Engines;

public class DuckDbParameterSyntaxTests
{
    [Theory]
    [InlineData("SELECT * FROM t WHERE a = @a", "SELECT * FROM t WHERE a = $a")]
    [InlineData("VALUES (@version, @name, @_x, @appliedAt)", "VALUES ($version, $name, $_x, $appliedAt)")]
    [InlineData("WHERE a=@a AND b=@b2", "WHERE a=$a AND b=$b2")]
    [InlineData("SELECT @Ngày", "SELECT $Ngày")]
    public void Translate_named_parameters_become_dollar_parameters(string sql, string expected) =>
        Assert.Equal(expected, DuckDbParameterSyntax.Translate(sql));

    [Theory]
    [InlineData("SELECT '@a' AS s")]
    [InlineData("SELECT 'it''s @a' AS s")]
    [InlineData("SELECT \"@a\" FROM t")]
    [InlineData("SELECT \"col \"\"@a\"\"\" FROM t")]
    [InlineData("SELECT 1 -- @a")]
    [InlineData("SELECT 1 /* @a */")]
    [InlineData("SELECT 1 /* @a\n @b */")]
    [InlineData("SELECT 'unterminated @a")]
    [InlineData("SELECT 'nguyen.van.a@bhxh.gov.vn' AS email")]
    [InlineData("SELECT @1, @ , a@")]
    public void Translate_at_signs_in_literals_comments_and_non_names_are_untouched(string sql) =>
        Assert.Equal(sql, DuckDbParameterSyntax.Translate(sql));

    [Theory]
    [InlineData("SELECT '@a', @a", "SELECT '@a', $a")]
    [InlineData("SELECT 'it''s', @a", "SELECT 'it''s', $a")]
    [InlineData("SELECT 1 -- @a\nWHERE b = @b", "SELECT 1 -- @a\nWHERE b = $b")]
    [InlineData("SELECT /* @a */ @b", "SELECT /* @a */ $b")]
    [InlineData("SELECT \"@a\" FROM t WHERE x = @x", "SELECT \"@a\" FROM t WHERE x = $x")]
    [InlineData("SELECT 'a@b.vn' AS email WHERE unit = @unit", "SELECT 'a@b.vn' AS email WHERE unit = $unit")]
    [InlineData("SELECT 10 - @a", "SELECT 10 - $a")]
    [InlineData("SELECT 10 / @a", "SELECT 10 / $a")]
    public void Translate_parameters_after_literals_and_comments_are_still_translated(string sql, string expected) =>
        Assert.Equal(expected, DuckDbParameterSyntax.Translate(sql));
}

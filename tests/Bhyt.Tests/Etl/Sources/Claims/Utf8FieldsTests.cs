using System.Globalization;
using System.Text;
using Bhyt.Etl.Sources.Claims;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims;

public class Utf8FieldsTests
{
    private static readonly Gen<string> MoneyText =
        Gen.Elements("0", "1", "-5", "+7", "716260", "2031009.99", "2491500,00", "1,234.56", "1.2.3", ".5", "5.", ",", "-", "",
                "12345678901234567", "123456789012345678", "1e5", " 5", "0,001", "-0")
            .Zip(Gen.Choose(0, 3)).Select(t => t.Item2 == 0 ? t.Item1 : t.Item1 + new string('9', t.Item2));

    [Property(MaxTest = 500)]
    public Property TryPlainMoney_when_it_accepts_agrees_with_the_general_parse() =>
        Prop.ForAll(MoneyText.ToArbitrary(), text =>
        {
            if (!Utf8Fields.TryPlainMoney(Encoding.UTF8.GetBytes(text), out var fast)) return true.Label("general path");
            var normalised = text.Contains('.') ? text : text.Replace(',', '.');
            var parsed = decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var general);
            return (parsed && fast == general && fast.Scale == general.Scale).Label($"'{text}': {fast} vs {general}");
        });

    [Theory]
    [InlineData("202403010800", 2024, 3, 1, 8, 0)]
    [InlineData("202402292359", 2024, 2, 29, 23, 59)]
    public void TryCompactDate_reads_the_standard_shape(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(Utf8Fields.TryCompactDate(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), value);
    }

    [Theory]
    [InlineData("202302291200")]
    [InlineData("202413010800")]
    [InlineData("000001011200")]
    [InlineData("2024-03-01 08:00")]
    [InlineData("20240301")]
    public void TryCompactDate_other_shapes_or_impossible_times_are_left_to_the_general_parse(string text) =>
        Assert.False(Utf8Fields.TryCompactDate(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("  68001 ")]
    [InlineData("\t68001\r")]
    [InlineData("\u00A068001\u3000")]
    [InlineData("   ")]
    [InlineData("Bệnh viện ")]
    public void Trim_matches_string_trim(string text) =>
        Assert.Equal(text.Trim(), Encoding.UTF8.GetString(Utf8Fields.Trim(Encoding.UTF8.GetBytes(text))));
}

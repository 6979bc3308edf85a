using System.Globalization;
using Bhyt.Etl.Sources.Claims.Xml;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary><see cref="ClaimNumber"/> against decimal.TryParse of the text with a lone ',' read as the mark: same answer, same value and scale.</summary>
public class ClaimNumberTests
{
    private static string Reference(string text)
    {
        var normalised = text.Contains('.') ? text : text.Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? string.Join(' ', decimal.GetBits(value)) : "refused";
    }

    private static string Fast(string text) => ClaimNumber.TryParse(text, out var value) ? string.Join(' ', decimal.GetBits(value)) : "refused";

    [Theory]
    [InlineData("2031009.99")]
    [InlineData("2491500,00")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("007")]
    [InlineData("1.234.567,00")]
    [InlineData("1,234,567")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e5")]
    [InlineData("999999999999999999")]
    [InlineData("9999999999999999999")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("12345678901234567.8")]
    [InlineData("")]
    [InlineData(" 5")]
    public void TryParse_gives_what_decimal_TryParse_gives(string text) => Assert.Equal(Reference(text), Fast(text));

    [Property(MaxTest = 2000)]
    public Property TryParse_of_any_digits_and_marks_gives_what_decimal_TryParse_gives() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("0", "1", "5", "9", "00", "123456789", ".", ",", "-", "+", " ", "e")).Select(p => string.Concat(p.Take(8))).ToArbitrary(),
            text => (Reference(text) == Fast(text)).Label(text));
}

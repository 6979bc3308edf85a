using System.Globalization;
using Bhyt.Etl.Parsing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Parsing;

/// <summary>
/// Round trips of formatted values through <see cref="VietnameseNumber"/> beyond the vi-VN ones of
/// <see cref="VietnameseNumberPropertyTests"/>: English-formatted amounts (1,234,567.89), integers grouped by dots or
/// spaces, and the malformed shapes ("1.2.3", groups of two) that must never read as a number.
/// </summary>
public class VietnameseNumberFormatPropertyTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Both separators present (a grouped integer part and two decimals): the last one is the decimal point.</summary>
    [Property(MaxTest = 1000)]
    public Property Parse_english_amount_with_groups_and_decimals_gives_same_value() =>
        Prop.ForAll(ParsingGens.TwoDecimalAmount.Where(a => a >= 1000 && decimal.Truncate(a) != a).ToArbitrary(), amount =>
        {
            var text = amount.ToString("N2", English);
            var cell = VietnameseNumber.Parse(text);
            return (cell.IsNumber && cell.Value == amount).Label($"'{text}' gave {cell}");
        });

    [Property(MaxTest = 1000)]
    public Property Parse_integer_grouped_by_dots_or_spaces_gives_same_value() =>
        Prop.ForAll(Gen.Zip(ParsingGens.NonNegativeLong, Gen.Elements(".", " ", "\u00a0")).ToArbitrary(), t =>
        {
            var (n, separator) = t;
            var text = n.ToString("#,##0", CultureInfo.InvariantCulture).Replace(",", separator);
            var cell = VietnameseNumber.Parse(text);
            return (cell.IsNumber && cell.Value == n).Label($"'{text}' gave {cell}");
        });

    /// <summary>"1.2.3", "12.34.567": dots that are neither groups of three nor one decimal point are never a number.</summary>
    [Property(MaxTest = 1000)]
    public Property Parse_dots_not_in_groups_of_three_is_invalid_with_a_reason() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(1, 999), Gen.ArrayOf(Gen.Choose(0, 99), 2).Select(a => a.Where(g => g >= 0).ToArray())).ToArbitrary(), t =>
        {
            var (head, groups) = t;
            var text = head.ToString(CultureInfo.InvariantCulture) + string.Concat(groups.Select(g => "." + g.ToString(CultureInfo.InvariantCulture)));
            var cell = VietnameseNumber.Parse(text);
            return (cell.Kind == CellValueKind.Invalid && !string.IsNullOrWhiteSpace(cell.Error)).Label($"'{text}' gave {cell}");
        });

    [Property(MaxTest = 1000)]
    public Property Parse_negative_vietnamese_amount_keeps_its_sign() =>
        Prop.ForAll(ParsingGens.TwoDecimalAmount.Where(a => a > 0).ToArbitrary(), amount =>
        {
            var text = "-" + amount.ToString("N2", ParsingGens.Vietnamese);
            var cell = VietnameseNumber.Parse(text);
            return (cell.IsNumber && cell.Value == -amount).Label($"'{text}' gave {cell}");
        });
}

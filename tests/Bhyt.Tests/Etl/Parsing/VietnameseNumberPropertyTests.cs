using System.Globalization;
using Bhyt.Etl.Parsing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Parsing;

public class VietnameseNumberPropertyTests
{
    private static readonly string[] VietnameseFormats = ["N2", "N0", "#,##0.##"];

    [Property(MaxTest = 1000)]
    public Property Parse_vietnamese_formatted_amount_gives_same_value() =>
        Prop.ForAll(Gen.Zip(ParsingGens.TwoDecimalAmount, Gen.Elements(VietnameseFormats)).ToArbitrary(), t =>
        {
            var (amount, format) = t;
            var value = format == "N0" ? decimal.Truncate(amount) : amount;
            var text = value.ToString(format, ParsingGens.Vietnamese);
            var cell = VietnameseNumber.Parse(text);
            return (cell.IsNumber && cell.Value == value).Label($"'{text}' gave {cell}");
        });

    [Property(MaxTest = 1000)]
    public Property Parse_invariant_integer_without_grouping_gives_same_value() =>
        Prop.ForAll(ParsingGens.AnyLong.ToArbitrary(), n =>
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            var cell = VietnameseNumber.Parse(text);
            return (cell.IsNumber && cell.Value == n).Label($"'{text}' gave {cell}");
        });

    /// <summary>
    /// "1,234" alone is 1.234 in a Vietnamese document, so an invariant N0 integer reads back exactly where it is a
    /// count (the catalog's persons, visits, households, facilities); untargeted, wherever its grouping is unambiguous.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Parse_invariant_integer_with_comma_groups_gives_same_value() =>
        Prop.ForAll(Gen.Zip(ParsingGens.AnyLong, Gen.Elements("persons", "households", "visits", "facilities")).ToArbitrary(), t =>
        {
            var (n, unit) = t;
            var text = n.ToString("N0", CultureInfo.InvariantCulture);
            var counted = VietnameseNumber.Parse(text, unit);
            var untargeted = VietnameseNumber.Parse(text);
            var unambiguous = text.Count(c => c == ',') != 1;
            return (counted.IsNumber && counted.Value == n && (!unambiguous || untargeted.Value == n))
                .Label($"'{text}' gave {counted} as {unit}, {untargeted} untargeted");
        });

    [Property(MaxTest = 1000)]
    public Property Parse_million_and_billion_texts_give_million_vnd() =>
        Prop.ForAll(ParsingGens.NonNegativeLong.ToArbitrary(), n =>
        {
            var millions = n.ToString(CultureInfo.InvariantCulture) + " triệu đồng";
            var billions = n.ToString("N0", ParsingGens.Vietnamese) + " tỷ đồng";
            var fromMillions = VietnameseNumber.Parse(millions, "million_vnd");
            var fromBillions = VietnameseNumber.Parse(billions, "million_vnd");
            return (fromMillions.IsNumber && fromMillions.Value == n && fromMillions.Unit == "million_vnd"
                    && fromBillions.IsNumber && fromBillions.Value == n * 1000m && fromBillions.Unit == "million_vnd")
                .Label($"'{millions}' gave {fromMillions}; '{billions}' gave {fromBillions}");
        });

    [Property(MaxTest = 500)]
    public Property Parse_vietnamese_percent_gives_percent() =>
        Prop.ForAll(Gen.Choose(0, 10_000).Select(i => i / 100m).ToArbitrary(), rate =>
        {
            var text = rate.ToString("0.##", ParsingGens.Vietnamese) + "%";
            var cell = VietnameseNumber.Parse(text, "percent");
            return (cell.IsNumber && cell.Value == rate && cell.Unit == "percent").Label($"'{text}' gave {cell}");
        });

    [Property(MaxTest = 2000)]
    public Property Parse_any_text_never_throws_and_explains_invalid() =>
        Prop.ForAll(Gen.Zip(ParsingGens.CellNoise, ParsingGens.TargetUnit).ToArbitrary(), t =>
        {
            var cell = VietnameseNumber.Parse(t.Item1, t.Item2);
            return cell.Kind switch
            {
                CellValueKind.Invalid => !string.IsNullOrWhiteSpace(cell.Error),
                _ => cell.Error is null,
            };
        });

    [Property(MaxTest = 500)]
    public Property Parse_number_wrapped_in_markup_gives_same_as_bare() =>
        Prop.ForAll(Gen.Zip(ParsingGens.TwoDecimalAmount, Gen.Elements("<b>{0}</b>", "**{0}**", "{0}<sup>1</sup>", "\u00a0{0} ", "\\*{0}")).ToArbitrary(), t =>
        {
            var bare = t.Item1.ToString("#,##0.##", ParsingGens.Vietnamese);
            var wrapped = string.Format(CultureInfo.InvariantCulture, t.Item2, bare);
            return (VietnameseNumber.Parse(wrapped) == VietnameseNumber.Parse(bare)).Label($"'{wrapped}' vs '{bare}'");
        });
}

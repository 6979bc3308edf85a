using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Bhyt.Tests.Etl.Parsing;

/// <summary>Generators for the parsing properties: wide integers, two-decimal amounts, dates and cell-like noise.</summary>
internal static class ParsingGens
{
    // Declared first: the generators below use them while the class initialises.
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "3", "9", "12", "131", "408", ".", ",", " ", "\u00a0", "-", "–", "−", "+", "%", "<b>", "</b>",
        "<sup>", "</sup>", "\\*", "*", "triệu đồng", "tỷ", "nghìn tỷ", "đ", "VNĐ", "người", "x", "n/a", "/", "(", ")",
        "²", "e", "Năm ", "Quý ", "III", "tháng ", "Đến hết năm ", "2019", "31/12/", "<", ">", "\t", "\n", "٣",
        "9999999999999999999999999999", "\ud800", "\udc00", "\ud83d\ude00",
    ];

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Integers across the whole long range, with small ones (the interesting groupings) as often as large.</summary>
    public static Gen<long> AnyLong { get; } = Gen.OneOf(
        Gen.Choose(-10_000, 10_000).Select(i => (long)i),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i),
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(0, int.MaxValue)).Select(p => ((long)p.Item1 << 32) | (uint)p.Item2),
        Gen.Elements(long.MinValue, long.MaxValue, 0L, 999L, 1_000L, 999_999L, 1_000_000L));

    public static Gen<long> NonNegativeLong { get; } = AnyLong.Select(n => n == long.MinValue ? long.MaxValue : Math.Abs(n));

    /// <summary>Amounts with at most two decimals in [0, 10^12), spread over every order of magnitude.</summary>
    public static Gen<decimal> TwoDecimalAmount { get; } =
        Gen.Zip(Gen.Choose(1, 14), Gen.Zip(Gen.Choose(0, 999_999), Gen.Choose(0, 99_999_999)), (digits, parts) =>
        {
            var cents = parts.Item1 * 100_000_000L + parts.Item2; // < 10^14 cents, i.e. < 10^12
            return cents % (long)Math.Pow(10, digits) / 100m;
        });

    public static Gen<DateOnly> DateIn1900To2100 { get; } =
        Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>Strings close to real cells — digits, separators, dashes, units, markup — mixed with arbitrary ones.</summary>
    public static Gen<string?> CellNoise { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s),
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => (string?)string.Concat(parts)));

    public static Gen<string?> TargetUnit { get; } =
        Gen.Elements<string?>(null, "persons", "households", "visits", "facilities", "percent", "million_vnd", "days", "");
}

using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Parsing;

public class PeriodHeaderPropertyTests
{
    private static readonly Gen<int> Years = Gen.Choose(1990, 2060);
    private static readonly string[] RangeFormats = ["{0}-{1}", "{0} - {1}", "{0}–{1}", "Giai đoạn {0}-{1}", "GĐ {0} - {1}"];

    [Property(MaxTest = 1000)]
    public Property TryParse_day_month_year_gives_that_date() =>
        Prop.ForAll(ParsingGens.DateIn1900To2100.ToArbitrary(), d =>
        {
            var text = $"{d.Day}/{d.Month}/{d.Year}";
            return (PeriodHeader.TryParse(text, out var period) && period == Period.Date(d)).Label(text);
        });

    [Property(MaxTest = 300)]
    public Property TryParse_year_phrases_give_year_and_year_end() =>
        Prop.ForAll(Years.ToArbitrary(), y =>
            PeriodHeader.TryParse($"Năm {y}", out var year) && year == Period.Year(y)
            && PeriodHeader.TryParse($"Đến hết năm {y}", out var asOf) && asOf == Period.Date(new DateOnly(y, 12, 31))
            && PeriodHeader.TryParse($"Den het nam {y}", out var folded) && folded == asOf);

    [Property(MaxTest = 500)]
    public Property TryParse_year_ranges_give_range() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Years, Gen.Choose(1, 30)), Gen.Elements(RangeFormats)).ToArbitrary(), t =>
        {
            var ((first, span), format) = t;
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, first, first + span);
            return (PeriodHeader.TryParse(text, out var period) && period == Period.Range(first, first + span)).Label(text);
        });

    [Property(MaxTest = 300)]
    public Property TryParse_months_and_quarters_give_them() =>
        Prop.ForAll(Gen.Zip(Years, Gen.Choose(1, 12)).ToArbitrary(), t =>
        {
            var (y, m) = t;
            var q = (m + 2) / 3;
            string[] roman = ["I", "II", "III", "IV"];
            return PeriodHeader.TryParse($"Tháng {m}/{y}", out var month) && month == Period.Month(y, m)
                && PeriodHeader.TryParse($"tháng {m:00} năm {y}", out var month2) && month2 == month
                && PeriodHeader.TryParse($"Quý {roman[q - 1]}/{y}", out var quarter) && quarter == Period.Quarter(y, q)
                && PeriodHeader.TryParse($"Quý {q} năm {y}", out var quarter2) && quarter2 == quarter;
        });

    [Property(MaxTest = 2000)]
    public Property TryParse_any_text_never_throws() =>
        Prop.ForAll(ParsingGens.CellNoise.ToArbitrary(), text =>
        {
            var ok = PeriodHeader.TryParse(text, out var period);
            return !ok || period.Start.Year is >= 1900 and <= 2100;
        });
}

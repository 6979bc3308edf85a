using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Warehouse.Periods;

/// <summary>
/// The period parser of submission CSVs (<see cref="Period.TryParse"/>): every period's label reads back as that period,
/// and impossible dates (31/02, 30/02, 31/04, 29/02 of a common year) read as no period at all — here and in the
/// column headers of report tables (<see cref="PeriodHeader"/>).
/// </summary>
public class PeriodPropertyTests
{
    private static readonly Gen<int> Years = Gen.Choose(1990, 2060);

    private static readonly Gen<Period> Periods = Gen.OneOf(
        Years.Select(Period.Year),
        Gen.Zip(Years, Gen.Choose(1, 4)).Select(t => Period.Quarter(t.Item1, t.Item2)),
        Gen.Zip(Years, Gen.Choose(1, 12)).Select(t => Period.Month(t.Item1, t.Item2)),
        Gen.Zip(Years, Gen.Choose(1, 30)).Select(t => Period.Range(t.Item1, t.Item1 + t.Item2)),
        Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber).Select(d => Period.Date(DateOnly.FromDayNumber(d))));

    [Property(MaxTest = 1000)]
    public Property TryParse_label_gives_the_period_back() =>
        Prop.ForAll(Periods.ToArbitrary(), period =>
            (Period.TryParse(period.Label, out var read) && read == period).Label($"{period.Label} read as {read.Label}"));

    [Property(MaxTest = 500)]
    public Property TryParse_impossible_day_of_month_is_no_period() =>
        Prop.ForAll(Gen.Zip(Years, Gen.Choose(1, 12)).SelectMany(t =>
            Gen.Choose(DateTime.DaysInMonth(t.Item1, t.Item2) + 1, 32).Select(day => (Year: t.Item1, Month: t.Item2, Day: day))).Where(d => d.Day <= 31 || d.Month == 1).ToArbitrary(), d =>
        {
            var slashed = $"{d.Day}/{d.Month}/{d.Year}";
            var iso = $"{d.Year}-{d.Month:00}-{d.Day:00}";
            return (!Period.TryParse(slashed, out _) && !Period.TryParse(iso, out _) && !PeriodHeader.TryParse(slashed, out _))
                .Label($"{slashed} / {iso} read as a period");
        });
}

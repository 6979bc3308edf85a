using Bhyt.Warehouse.Periods;

namespace Bhyt.Tests.Warehouse.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("2021", "2021", "2021-01-01", "2021-12-31")]
    [InlineData("2021-07", "2021-07", "2021-07-01", "2021-07-31")]
    [InlineData("2021-Q3", "2021-Q3", "2021-07-01", "2021-09-30")]
    [InlineData("2009-2014", "2009-2014", "2009-01-01", "2014-12-31")]
    [InlineData("2009 – 2014", "2009-2014", "2009-01-01", "2014-12-31")]
    [InlineData("31/12/2018", "2018-12-31", "2018-12-31", "2018-12-31")]
    [InlineData("2021-07-24", "2021-07-24", "2021-07-24", "2021-07-24")]
    [InlineData("2024-02", "2024-02", "2024-02-01", "2024-02-29")]
    public void Parse_interface_forms_gives_canonical_label_and_bounds(string text, string label, string start, string end)
    {
        var period = Period.Parse(text);

        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("31/02/2020")]
    [InlineData("2014-2009")]
    [InlineData("2021-Q5")]
    [InlineData("năm ngoái")]
    public void TryParse_nonsense_is_refused(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Seed_covers_every_day_and_month_of_the_calendar_once()
    {
        var seeded = PeriodCalendar.Seed().ToList();

        Assert.Equal(seeded.Count, seeded.Select(p => p.Label).Distinct().Count());
        var days = (new DateOnly(PeriodCalendar.LastYear, 12, 31).DayNumber - new DateOnly(PeriodCalendar.FirstYear, 1, 1).DayNumber) + 1;
        Assert.Equal(days, seeded.Count(p => p.Kind == PeriodKind.Date));
        Assert.Equal(12 * (PeriodCalendar.LastYear - PeriodCalendar.FirstYear + 1), seeded.Count(p => p.Kind == PeriodKind.Month));
    }
}

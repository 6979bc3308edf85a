namespace Bhyt.Warehouse.Periods;

/// <summary>
/// The periods the warehouse holds before any data arrives: every year, quarter, month and date of
/// <see cref="FirstYear"/>–<see cref="LastYear"/>. Ranges (2009-2014, ...) are added as they are reported.
/// </summary>
public static class PeriodCalendar
{
    public const int FirstYear = 2000;
    public const int LastYear = 2035;

    /// <summary>Changes whenever the seeded set changes, so a warehouse knows to top it up.</summary>
    public static string Version => $"calendar:{FirstYear}-{LastYear}:v1";

    public static IEnumerable<Period> Seed()
    {
        for (var year = FirstYear; year <= LastYear; year++)
        {
            yield return Period.Year(year);
            for (var quarter = 1; quarter <= 4; quarter++) yield return Period.Quarter(year, quarter);
            for (var month = 1; month <= 12; month++) yield return Period.Month(year, month);
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1)) yield return Period.Date(day);
        }
    }
}

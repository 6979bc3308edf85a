using System.Globalization;
using System.Text.RegularExpressions;

namespace Bhyt.Warehouse.Periods;

public enum PeriodKind { Year, Quarter, Month, Date, Range }

/// <summary>
/// A reporting period as reported: a year, quarter, month, as-of date or multi-year range. Ranges are kept
/// as ranges (a flow over 2015–2019 is never spread over years). Canonical labels: <c>2021</c>,
/// <c>2021-Q3</c>, <c>2021-07</c>, <c>2021-07-24</c>, <c>2009-2014</c>.
/// </summary>
public readonly partial record struct Period
{
    private Period(PeriodKind kind, DateOnly start, DateOnly end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public PeriodKind Kind { get; }
    public DateOnly Start { get; }
    public DateOnly End { get; }

    public static Period Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, 3 * quarter - 2, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, start, start.AddMonths(1).AddDays(-1));
    }

    public static Period Date(DateOnly date) => new(PeriodKind.Date, date, date);

    public static Period Range(int firstYear, int lastYear)
    {
        if (lastYear <= firstYear) throw new ArgumentException($"A range needs a last year after the first ({firstYear}-{lastYear}).");
        return new(PeriodKind.Range, new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31));
    }

    public string Label => Kind switch
    {
        PeriodKind.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Start.Year}-Q{(Start.Month + 2) / 3}",
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Date => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => $"{Start.Year}-{End.Year}",
    };

    /// <summary>What Vietnamese readers see: "Năm 2021", "Quý III/2021", "Tháng 7/2021", "24/07/2021", "Giai đoạn 2009–2014".</summary>
    public string LabelVi => Kind switch
    {
        PeriodKind.Year => $"Năm {Start.Year}",
        PeriodKind.Quarter => $"Quý {RomanQuarters[(Start.Month - 1) / 3]}/{Start.Year}",
        PeriodKind.Month => $"Tháng {Start.Month}/{Start.Year}",
        PeriodKind.Date => Start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => $"Giai đoạn {Start.Year}–{End.Year}",
    };

    public int YearsSpanned => End.Year - Start.Year + 1;

    public override string ToString() => Label;

    /// <summary>
    /// Parses the period forms of the submission CSV: <c>2021</c>, <c>2021-07</c>, <c>2021-Q3</c>, <c>2009-2014</c>,
    /// <c>31/12/2018</c>, <c>2021-07-24</c>.
    /// </summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Replace('–', '-').Replace('—', '-');
        Match m;
        try
        {
            if ((m = YearPattern().Match(s)).Success) period = Year(Int(m, 1));
            else if ((m = QuarterPattern().Match(s)).Success) period = Quarter(Int(m, 1), Int(m, 2));
            else if ((m = RangePattern().Match(s)).Success) period = Range(Int(m, 1), Int(m, 2));
            else if ((m = MonthPattern().Match(s)).Success) period = Month(Int(m, 1), Int(m, 2));
            else if ((m = IsoDatePattern().Match(s)).Success) period = Date(new DateOnly(Int(m, 1), Int(m, 2), Int(m, 3)));
            else if ((m = VietnameseDatePattern().Match(s)).Success) period = Date(new DateOnly(Int(m, 3), Int(m, 2), Int(m, 1)));
            else return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        return period.Start.Year is >= 1900 and <= 2100;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (2021, 2021-07, 2021-Q3, 2009-2014, 31/12/2018, 2021-07-24).");

    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{4})$")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^([0-9]{4})-?[Qq]([1-4])$")] private static partial Regex QuarterPattern();
    [GeneratedRegex(@"^([0-9]{4})\s*-\s*([0-9]{4})$")] private static partial Regex RangePattern();
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})$")] private static partial Regex MonthPattern();
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")] private static partial Regex IsoDatePattern();
    [GeneratedRegex(@"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")] private static partial Regex VietnameseDatePattern();
}

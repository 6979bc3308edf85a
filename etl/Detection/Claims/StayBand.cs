using System.Globalization;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// Length-of-stay bands a claim's cost is compared within: at most one day (every exam), 2, 3 and 4 days, 5–7, 8–14,
/// 15–30 and over 30 days. A course of treatment is priced by the day plus what every stay costs once (admission,
/// examinations, the first days' drugs): even per day, a two-day stay costs more than a fortnight's, so a stay is compared
/// with stays of about its length — narrow bands where most stays are, wide ones in the thin tail where peers are few.
/// </summary>
public static class StayBand
{
    /// <summary>The first day count of each band, ascending; a band runs to the day before the next one's.</summary>
    private static readonly int[] Starts = [1, 2, 3, 4, 5, 8, 15, 31];

    /// <summary>The band of a length of stay: its first day count (a missing or zero length falls in the first band).</summary>
    public static int Of(int? lengthOfStay)
    {
        var days = Math.Max(1, lengthOfStay ?? 1);
        return Starts.Last(s => s <= days);
    }

    /// <summary>The band of the length of stay <paramref name="column"/> as a SQL <c>CASE</c> expression.</summary>
    public static string Sql(string column)
    {
        var cases = string.Concat(Starts.Skip(1).Select((next, i) => $" WHEN {column} < {next} THEN {Starts[i]}"));
        return $"(CASE WHEN {column} IS NULL THEN 1{cases} ELSE {Starts[^1]} END)";
    }

    /// <summary>How the band reads after "cùng thời gian điều trị": "2 ngày", "5–7 ngày", "trên 30 ngày".</summary>
    public static string Text(int band)
    {
        var at = Array.IndexOf(Starts, band);
        if (at < 0) throw new ArgumentOutOfRangeException(nameof(band), band, "not the first day count of a band");
        if (at == 0) return "tối đa 1 ngày";
        if (at == Starts.Length - 1) return $"trên {(band - 1).ToString(CultureInfo.InvariantCulture)} ngày";
        var last = Starts[at + 1] - 1;
        return last == band ? $"{band.ToString(CultureInfo.InvariantCulture)} ngày"
            : $"{band.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)} ngày";
    }
}

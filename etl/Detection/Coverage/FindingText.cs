using System.Globalization;

namespace Bhyt.Etl.Detection.Coverage;

/// <summary>Numbers, money and periods in an anomaly's explanation, written the way a Vietnamese reader expects them (131.408; 87,21 %; 5.420 tỷ đồng; 07/2021).</summary>
public static class FindingText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Persons(double value) => Math.Round(value).ToString("N0", Vi);

    public static string Percent(double value) => value.ToString("N2", Vi) + " %";

    /// <summary>A whole-number percentage for shares and relative changes ("38 %").</summary>
    public static string WholePercent(double value) => Math.Round(value).ToString("N0", Vi) + " %";

    public static string OneDecimalPercent(double value) => value.ToString("N1", Vi) + " %";

    /// <summary>Percentage points with their sign ("−11,89 điểm %").</summary>
    public static string Points(double value) => (value < 0 ? "−" : "+") + Math.Abs(value).ToString("N2", Vi) + " điểm %";

    /// <summary>Money given in million VND, written in billions ("5.420 tỷ đồng", "12,5 tỷ đồng").</summary>
    public static string Billions(double millions)
    {
        var billions = millions / 1000;
        return (Math.Abs(billions) >= 100 ? Math.Round(billions).ToString("N0", Vi) : billions.ToString("N1", Vi)) + " tỷ đồng";
    }

    /// <summary>A period label for a sentence: 2021-07 → 07/2021, 2021-Q3 → quý 3/2021, others as stored.</summary>
    public static string Period(string label, string kind) => kind switch
    {
        "month" when label.Length == 7 => $"{label[5..]}/{label[..4]}",
        "quarter" when label.Length == 7 => $"quý {label[6..]}/{label[..4]}",
        _ => label,
    };
}

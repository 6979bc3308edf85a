using System.Globalization;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Charts;

/// <summary>vi-VN formatting of the dashboard's numbers and periods (1.234.567; 90,85 %; 1.234 tỷ đồng).</summary>
public static class Format
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A label in the middle of a sentence: its first letter lower case ("Tính từ hồ sơ KCB" → "tính từ hồ sơ KCB").</summary>
    public static string Inline(string label) => label.Length == 0 ? label : char.ToLower(label[0], Vi) + label[1..];

    public static string Number(double? value, int decimals = 0) => value is { } v ? v.ToString("N" + decimals, Vi) : "—";

    public static string Percent(double? value) => value is { } v ? v.ToString("N2", Vi) + " %" : "—";

    /// <summary>Million VND shown as tỷ đồng (billion) with one decimal.</summary>
    public static string MillionVnd(double? value) => value is { } v ? (v / 1000).ToString("N1", Vi) + " tỷ đồng" : "—";

    /// <summary>
    /// A short axis label (the tooltip keeps the full value): "186 triệu", "68,5 nghìn", "7,5 nghìn tỷ" / "850 tỷ"
    /// for money in million VND, "92 %" for rates — so the labels fit a 1366-pixel-wide screen's chart margin.
    /// </summary>
    public static string Axis(double value, string unit)
    {
        if (unit == "percent") return value.ToString("0.#", Vi) + " %";
        if (unit == "million_vnd")
        {
            var billions = value / 1000;
            return Math.Abs(billions) >= 1000 ? Short(billions / 1000) + " nghìn tỷ" : Short(billions) + " tỷ";
        }
        var abs = Math.Abs(value);
        return abs >= 1e9 ? Short(value / 1e9) + " tỷ"
            : abs >= 1e6 ? Short(value / 1e6) + " triệu"
            : abs >= 1e4 ? Short(value / 1e3) + " nghìn"
            : value.ToString("N0", Vi);

        static string Short(double v) => v.ToString(Math.Abs(v) >= 100 ? "N0" : "0.#", Vi);
    }

    public static string Date(DateTime? value) => value is { } v ? v.ToString("dd/MM/yyyy HH:mm", Vi) : "—";

    /// <summary>A value in the unit of its indicator.</summary>
    public static string Value(double? value, string unit) => unit switch
    {
        "percent" => Percent(value),
        "million_vnd" => MillionVnd(value),
        _ => Number(value),
    };

    public static string Period(IndicatorValue figure) => figure.Shape switch
    {
        PeriodShape.Year => $"Năm {figure.Year}",
        PeriodShape.Range => $"{figure.Start.Year}–{figure.End.Year}",
        PeriodShape.Month => $"Tháng {figure.Start:MM/yyyy}",
        PeriodShape.Quarter => $"Quý {(figure.Start.Month - 1) / 3 + 1}/{figure.Start.Year}",
        _ => figure.Start.ToString("dd/MM/yyyy", Vi),
    };

    /// <summary>Change from the previous period: "+1,25 điểm %" for rates, "+3,4 %" otherwise.</summary>
    public static string Change(double? current, double? previous, string unit)
    {
        if (current is not { } c || previous is not { } p) return "";
        if (unit == "percent") return (c - p).ToString("+0.00;-0.00;0,00", Vi) + " điểm %";
        if (p == 0) return "";
        return ((c - p) / Math.Abs(p) * 100).ToString("+0.0;-0.0;0,0", Vi) + " %";
    }
}

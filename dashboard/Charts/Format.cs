using System.Globalization;
using Bhyt.Dashboard.Queries;

namespace Bhyt.Dashboard.Charts;

/// <summary>vi-VN formatting of the dashboard's numbers and periods (1.234.567; 90,85 %; 1.234 tỷ đồng).</summary>
public static class Format
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(double? value, int decimals = 0) => value is { } v ? v.ToString("N" + decimals, Vi) : "—";

    public static string Percent(double? value) => value is { } v ? v.ToString("N2", Vi) + " %" : "—";

    /// <summary>Million VND shown as tỷ đồng (billion) with one decimal.</summary>
    public static string MillionVnd(double? value) => value is { } v ? (v / 1000).ToString("N1", Vi) + " tỷ đồng" : "—";

    public static string Date(DateTime? value) => value is { } v ? v.ToString("dd/MM/yyyy HH:mm", Vi) : "—";

    /// <summary>A value in the unit of its indicator.</summary>
    public static string Value(double? value, string unit) => unit switch
    {
        "percent" => Percent(value),
        "million_vnd" => MillionVnd(value),
        _ => Number(value),
    };

    public static string Period(Figure figure) => figure.Shape switch
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

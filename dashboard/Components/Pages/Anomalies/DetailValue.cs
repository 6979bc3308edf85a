using Bhyt.Dashboard.Charts;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>How the detail panel writes a value of each unit, vi-VN ("87,21 %", "412.000 đ", "58,0 %", "1,2 tỷ đồng").</summary>
public static class DetailValue
{
    public static string Text(double? value, string unit) => value is not { } v ? "—" : unit switch
    {
        "percent" => Format.Percent(v),
        "share" => (100 * v).ToString("N1", Format.Vi) + " %",
        "vnd" => Math.Round(v).ToString("N0", Format.Vi) + " đ",
        "million_vnd" => Format.MillionVnd(v),
        _ => v.ToString(Math.Abs(v) >= 100 ? "N0" : "N1", Format.Vi),
    };

    /// <summary>A short axis label in the same unit.</summary>
    public static string Axis(double value, string unit) => unit switch
    {
        "share" => (100 * value).ToString("0.#", Format.Vi) + " %",
        "vnd" => Format.Axis(value, "number") + " đ",
        _ => Format.Axis(value, unit),
    };

    /// <summary>"T7/23" for a month, the label otherwise.</summary>
    public static string Month(DateTime at) => $"T{at.Month}/{at.Year % 100:00}";
}

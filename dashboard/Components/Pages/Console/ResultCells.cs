using System.Globalization;
using System.Numerics;

namespace Bhyt.Dashboard.Components.Pages.Console;

/// <summary>How a console result's values read on the page and in a CSV: vi-VN numbers and dates, "" for NULL.</summary>
public static class ResultCells
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("dd/MM/yyyy", Vi),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("dd/MM/yyyy", Vi) : t.ToString("dd/MM/yyyy HH:mm:ss", Vi),
        double x => x.ToString("#,##0.######", Vi),
        float x => x.ToString("#,##0.######", Vi),
        decimal m => m.ToString("#,##0.######", Vi),
        BigInteger big => big.ToString("N0", Vi),
        IFormattable number when IsInteger(number) => number.ToString("N0", Vi),
        System.Collections.IEnumerable list and not byte[] => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The value as a number, for a numeric spreadsheet cell; null when it is not a number.</summary>
    public static double? Number(object? value) => value switch
    {
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        BigInteger big => (double)big,
        _ => null,
    };

    private static bool IsInteger(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong;
}

using System.Globalization;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Writes a stored number as text the way it is stored, not as the sheet's format shows it: invariant, with the 15
/// significant digits Excel keeps (131408, 60.85); a percent-formatted 0.6085 as "60.85%"; a date-formatted serial as
/// an ISO date (2018-12-31, with the time when it has one).
/// </summary>
internal static class XlsxCellText
{
    private const string PlainDecimal = "0.############################";

    public static string Number(string stored, NumberStyle style, bool date1904)
    {
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return stored.Trim();
        return style switch
        {
            NumberStyle.Percent => Invariant(value * 100) + "%",
            NumberStyle.Date when Date(value, date1904) is { } text => text,
            _ => Invariant(value),
        };
    }

    /// <summary>Excel's 15 significant digits, so 0.1+0.2 stored as 0.30000000000000004 reads 0.3 as in Excel.</summary>
    public static string Invariant(double value)
    {
        var magnitude = Math.Abs(value);
        if (value != 0 && (magnitude < 1e-15 || magnitude >= 1e27 || !double.IsFinite(value)))
            return value.ToString("R", CultureInfo.InvariantCulture);
        var rounded = decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return rounded.ToString(PlainDecimal, CultureInfo.InvariantCulture);
    }

    private static string? Date(double serial, bool date1904)
    {
        if (date1904) serial += 1462;
        if (serial < 0 || serial > 2958465) return null;
        var moment = DateTime.FromOADate(serial);
        var seconds = Math.Round(moment.TimeOfDay.TotalSeconds);
        var at = moment.Date.AddSeconds(seconds);
        if (serial < 1) return at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return seconds == 0
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}

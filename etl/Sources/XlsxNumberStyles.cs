using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Sources;

/// <summary>How a number cell of a given style is written as text: as it is, as a percent, or as a date.</summary>
internal enum NumberStyle
{
    Plain,
    Percent,
    Date,
}

/// <summary>
/// The <see cref="NumberStyle"/> of each cell style (<c>s</c> attribute) of a workbook, from its number format:
/// built-in ids 9–10 are percents and 14–22, 45–47 dates; a custom format is a percent when it has '%' and a date when
/// it has y, m, d, h or s, outside quoted text, escapes and [..] sections.
/// </summary>
internal sealed class XlsxNumberStyles
{
    private readonly NumberStyle[] _byStyle;

    private XlsxNumberStyles(NumberStyle[] byStyle) => _byStyle = byStyle;

    public static XlsxNumberStyles Of(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.HasValue == true)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        var styles = stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => StyleOf(f.NumberFormatId?.Value ?? 0, custom))
            .ToArray() ?? [];
        return new XlsxNumberStyles(styles);
    }

    public NumberStyle For(uint? styleIndex) =>
        styleIndex is { } i && i < _byStyle.Length ? _byStyle[i] : NumberStyle.Plain;

    private static NumberStyle StyleOf(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code)) return StyleOf(code);
        if (id is 9 or 10) return NumberStyle.Percent;
        if (id is >= 14 and <= 22 or >= 45 and <= 47) return NumberStyle.Date;
        return NumberStyle.Plain;
    }

    private static NumberStyle StyleOf(string formatCode)
    {
        var bare = Bare(formatCode);
        if (bare.Contains('%')) return NumberStyle.Percent;
        if (bare.Equals("general", StringComparison.OrdinalIgnoreCase)) return NumberStyle.Plain;
        return bare.Any(c => "ymdhs".Contains(char.ToLowerInvariant(c))) ? NumberStyle.Date : NumberStyle.Plain;
    }

    /// <summary>The format code without quoted text, backslash escapes, _x/*x paddings and [..] sections.</summary>
    private static string Bare(string formatCode)
    {
        var bare = new System.Text.StringBuilder();
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (c == '"') i = Skip(formatCode, i, '"');
            else if (c == '[') i = Skip(formatCode, i, ']');
            else if (c is '\\' or '_' or '*') i++;
            else bare.Append(c);
        }
        return bare.ToString();
    }

    private static int Skip(string text, int start, char end)
    {
        var close = text.IndexOf(end, start + 1);
        return close < 0 ? text.Length : close;
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// The cell styles of an annex workbook: title, header (bold, bordered, wrapped, centred), label, centred text, and figures
/// in the Vietnamese way (#,##0 with as many decimals as the figure has, shown with vi-VN separators by Excel).
/// </summary>
internal static class AnnexExcelStyles
{
    public const uint Title = 1, Header = 2, Label = 3, Centered = 4, Note = 5;
    private const uint FirstNumber = 6;
    public const int MaxDecimals = 6;

    /// <summary>The style of a figure: the number format with exactly its decimals (100 → "#,##0"; 60,85 → "#,##0.00").</summary>
    public static uint Number(decimal value)
    {
        var decimals = Math.Min(MaxDecimals, Math.Max(0, (int)((decimal.GetBits(value / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF)));
        return FirstNumber + (uint)decimals;
    }

    public static Stylesheet Build()
    {
        var formats = new NumberingFormats(Enumerable.Range(1, MaxDecimals).Select(d =>
            new NumberingFormat { NumberFormatId = (uint)(163 + d), FormatCode = "#,##0." + new string('0', d) }));
        formats.Count = (uint)MaxDecimals;
        var fonts = new Fonts(Font(false, false, 12), Font(true, false, 14), Font(true, false, 11), Font(false, false, 11), Font(false, true, 10)) { Count = 5 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        var borders = new Borders(new Border(), new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder())) { Count = 2 };
        var cells = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            Bordered(2, HorizontalAlignmentValues.Center, wrap: true),
            Bordered(3, HorizontalAlignmentValues.Left, wrap: true),
            Bordered(3, HorizontalAlignmentValues.Center, wrap: false),
            new CellFormat { FontId = 4, ApplyFont = true });
        for (var d = 0; d <= MaxDecimals; d++)
        {
            var format = Bordered(3, HorizontalAlignmentValues.Right, wrap: false);
            format.NumberFormatId = d == 0 ? 3u : (uint)(163 + d);
            format.ApplyNumberFormat = true;
            cells.Append(format);
        }
        cells.Count = (uint)cells.ChildElements.Count;
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()) { Count = 1 }, cells);
    }

    private static Font Font(bool bold, bool italic, int size)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
        return font;
    }

    private static T Side<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin };

    private static CellFormat Bordered(uint font, HorizontalAlignmentValues horizontal, bool wrap) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
    {
        FontId = font, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
    };
}

using Bhyt.Etl.Parsing.Encodings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Turns a cell into its text with what the whole workbook holds: the shared strings (read with
/// <see cref="OpenXmlReader"/>), the number style of each cell style, and the 1900/1904 date system. Text is trimmed and
/// its line breaks become spaces, as a .docx cell's paragraphs do; a formula cell gives its cached result. Text in a
/// legacy Vietnamese font (.VnTime, VNI-Times…) is converted by the font's encoding: a rich-text run by its own font,
/// other text by the font of the cell's style; <see cref="Converted"/> lists the encodings that were.
/// </summary>
internal sealed class XlsxWorkbookText
{
    private readonly List<SharedText> _sharedStrings;
    private readonly XlsxNumberStyles _styles;
    private readonly string?[] _cellFonts;
    private readonly bool _date1904;
    private readonly HashSet<VietnameseEncoding> _converted = [];

    private XlsxWorkbookText(WorkbookPart workbook)
    {
        _sharedStrings = SharedStrings(workbook.SharedStringTablePart);
        _styles = XlsxNumberStyles.Of(workbook);
        _cellFonts = CellFonts(workbook.WorkbookStylesPart?.Stylesheet);
        _date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
    }

    public static XlsxWorkbookText Of(WorkbookPart workbook) => new(workbook);

    /// <summary>The legacy encodings whose text has been converted so far.</summary>
    public IReadOnlyCollection<VietnameseEncoding> Converted => _converted;

    public string Of(Cell cell)
    {
        var stored = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(stored, out var i) && i >= 0 && i < _sharedStrings.Count ? InCellFont(_sharedStrings[i], cell) : "";
        if (type == CellValues.InlineString) return InCellFont(Clean(TextOf(cell.InlineString, null)), cell);
        if (type == CellValues.Boolean) return stored.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        if (type == CellValues.String) return InCellFont(new SharedText(Clean(stored), false), cell);
        if (type == CellValues.Error || type == CellValues.Date) return Clean(stored);
        return stored.Length == 0 ? "" : XlsxCellText.Number(stored, _styles.For(cell.StyleIndex?.Value), _date1904);
    }

    /// <summary>A string's text, and whether a run of it named its own font (then the cell's font does not apply).</summary>
    private sealed record SharedText(string Text, bool RunFonts);

    private List<SharedText> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<SharedText>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                strings.Add(Clean(TextOf((SharedStringItem)reader.LoadCurrentElement()!, _converted)));
        }
        return strings;
    }

    /// <summary>The text of a shared or inline string: its own text or its runs' text (each in its font), phonetic hints left out.</summary>
    private static SharedText TextOf(OpenXmlElement? item, HashSet<VietnameseEncoding>? converted)
    {
        if (item is null) return new SharedText("", false);
        var runFonts = false;
        var text = string.Concat(item.ChildElements.Select(child =>
        {
            if (child is Text plain) return plain.Text;
            if (child is not Run run) return "";
            var font = run.RunProperties?.GetFirstChild<RunFont>()?.Val?.Value;
            runFonts |= font is not null;
            return Convert(run.Text?.Text ?? "", font, converted);
        }));
        return new SharedText(text, runFonts);
    }

    private string InCellFont(SharedText text, Cell cell)
    {
        if (text.RunFonts) return text.Text;
        var style = cell.StyleIndex?.Value ?? 0;
        return Convert(text.Text, style < _cellFonts.Length ? _cellFonts[style] : null, _converted);
    }

    private static string Convert(string text, string? font, HashSet<VietnameseEncoding>? converted)
    {
        if (LegacyFonts.EncodingOf(font) is not { } encoding || text.All(char.IsAscii)) return text;
        converted?.Add(encoding);
        return LegacyFonts.Convert(text, font);
    }

    /// <summary>The font name of each cell style (<c>s</c> attribute), through its font id.</summary>
    private static string?[] CellFonts(Stylesheet? stylesheet)
    {
        var fonts = stylesheet?.Fonts?.Elements<Font>().Select(f => f.FontName?.Val?.Value).ToList() ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.FontId?.Value is { } id && id < fonts.Count ? fonts[(int)id] : null)
            .ToArray() ?? [];
    }

    private static SharedText Clean(SharedText text) => text with { Text = Clean(text.Text) };

    private static string Clean(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
}

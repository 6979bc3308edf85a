using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Turns a cell into its text with what the whole workbook holds: the shared strings (read with
/// <see cref="OpenXmlReader"/>), the number style of each cell style, and the 1900/1904 date system. Text is trimmed and
/// its line breaks become spaces, as a .docx cell's paragraphs do; a formula cell gives its cached result.
/// </summary>
internal sealed class XlsxWorkbookText
{
    private readonly List<string> _sharedStrings;
    private readonly XlsxNumberStyles _styles;
    private readonly bool _date1904;

    private XlsxWorkbookText(List<string> sharedStrings, XlsxNumberStyles styles, bool date1904) =>
        (_sharedStrings, _styles, _date1904) = (sharedStrings, styles, date1904);

    public static XlsxWorkbookText Of(WorkbookPart workbook) =>
        new(SharedStrings(workbook.SharedStringTablePart), XlsxNumberStyles.Of(workbook),
            workbook.Workbook?.WorkbookProperties?.Date1904?.Value ?? false);

    public string Of(Cell cell)
    {
        var stored = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(stored, out var i) && i >= 0 && i < _sharedStrings.Count ? _sharedStrings[i] : "";
        if (type == CellValues.InlineString) return Clean(TextOf(cell.InlineString));
        if (type == CellValues.Boolean) return stored.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return Clean(stored);
        return stored.Length == 0 ? "" : XlsxCellText.Number(stored, _styles.For(cell.StyleIndex?.Value), _date1904);
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                strings.Add(Clean(TextOf((SharedStringItem)reader.LoadCurrentElement()!)));
        }
        return strings;
    }

    /// <summary>The text of a shared or inline string: its own text or its runs' text, phonetic hints left out.</summary>
    private static string TextOf(OpenXmlElement? item) =>
        item is null ? "" : string.Concat(item.ChildElements.Select(child => child switch
        {
            Text text => text.Text,
            Run run => run.Text?.Text ?? "",
            _ => "",
        }));

    private static string Clean(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
}

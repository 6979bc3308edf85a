using Bhyt.Etl.Parsing.Encodings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Reads .docx report documents. Paragraphs outside tables come in body order, numbered by their ordinal among all
/// body paragraphs (empty ones count but are not returned). Every table, nested ones included, becomes its own
/// <see cref="RawTable"/> in document order (an outer table before the tables inside it), titled with the nearest
/// non-empty body paragraph before it. A cell's text is its paragraphs joined by a space, as plain text. A cell
/// spanning columns (<c>w:gridSpan</c>) repeats its text in each; a vertical-merge continuation takes the text of
/// the cell above; <c>w:gridBefore</c>/<c>w:gridAfter</c> hold empty cells, so every cell stays in its grid column.
/// Rows are numbered within their table from 1. Unlike the text reader this one loads the document tree: merges
/// need it, and the documents are a few pages.
/// </summary>
public sealed class DocxDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <inheritdoc />
    public RawDocument Read(string path)
    {
        try
        {
            OfficePackageCheck.Check(path, "Word (.docx)");
            using var document = WordprocessingDocument.Open(path, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            return body is null
                ? new RawDocument(Path.GetFileName(path), [], [])
                : ReadBody(Path.GetFileName(path), body);
        }
        catch (Exception e) when (UnreadableDocument.From(path, e, "Word (.docx)") is { } unreadable)
        {
            throw unreadable;
        }
    }

    private static RawDocument ReadBody(string fileName, Body body)
    {
        var paragraphs = new List<RawParagraph>();
        var tables = new List<RawTable>();
        string? title = null;
        var ordinal = 0;
        foreach (var element in body.Descendants())
        {
            if (element is Paragraph paragraph && !paragraph.Ancestors<Table>().Any() && !DocxText.IsNested(paragraph))
            {
                ordinal++;
                var text = DocxText.Of(paragraph);
                if (text.Length == 0) continue;
                paragraphs.Add(new RawParagraph(ordinal, text));
                title = text;
            }
            else if (element is Table table && !DocxText.IsNested(table))
                tables.Add(new RawTable(tables.Count, title, null, ReadRows(table)));
        }
        var legacy = DocxRunFont.LegacyEncodingsIn(body);
        return new RawDocument(fileName, paragraphs, tables) { EncodingNotice = legacy.Count > 0 ? EncodingIssue.Converted(legacy) : null };
    }

    private static List<RawRow> ReadRows(Table table)
    {
        var rows = new List<RawRow>();
        IReadOnlyList<string>? above = null;
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            var cells = ReadCells(row, above);
            rows.Add(new RawRow(rows.Count + 1, cells));
            above = cells;
        }
        return rows;
    }

    private static List<string> ReadCells(TableRow row, IReadOnlyList<string>? above)
    {
        var properties = row.TableRowProperties;
        var cells = new List<string>();
        AddEmpty(cells, properties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
        foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row))
        {
            var text = ContinuesMerge(cell)
                ? (above is not null && cells.Count < above.Count ? above[cells.Count] : "")
                : DocxText.Of(cell);
            var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
            for (var i = 0; i < span; i++) cells.Add(text);
        }
        AddEmpty(cells, properties?.GetFirstChild<GridAfter>()?.Val?.Value ?? 0);
        return cells;
    }

    /// <summary><c>&lt;w:vMerge/&gt;</c> without <c>w:val="restart"</c> continues the merged cell above.</summary>
    private static bool ContinuesMerge(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge
        && (merge.Val is null || !merge.Val.HasValue || merge.Val.Value == MergedCellValues.Continue);

    private static void AddEmpty(List<string> cells, int count)
    {
        for (var i = 0; i < count; i++) cells.Add("");
    }
}

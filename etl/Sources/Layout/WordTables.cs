using System.Text.RegularExpressions;

namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// Rebuilds a document's paragraphs and tables from positioned words (a PDF's text layer, Tesseract's TSV word boxes):
/// words → lines → tables, from ruling lines where the page draws a grid (<see cref="LatticeTables"/>, layout
/// <c>lattice</c>), from column alignment otherwise (<see cref="StreamTables"/>, <c>stream</c>); a table continued on
/// the next page (same columns, header repeated or not) is stitched into one, the repeated header dropped. Lines outside
/// tables are paragraphs; a table's title is the nearest line above it. Every cell keeps its box (and OCR confidence).
/// </summary>
public static partial class WordTables
{
    /// <summary>Builds the document of <paramref name="fileName"/> from its pages.</summary>
    public static RawDocument Build(string fileName, IReadOnlyList<PageContent> pages)
    {
        var items = new List<object>();
        foreach (var page in pages)
        {
            var words = page.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            var tables = LatticeTables.Find(page, words);
            var lines = Lines(words).Select(l => new WordLine(l)).ToList();
            tables.AddRange(StreamTables.Find(page.Page, lines));
            items.AddRange(tables.Select(t => (Top: t.Top, Item: (object)t)).Concat(lines.Select(l => (Top: l.Top, Item: (object)l)))
                .OrderBy(x => x.Top).Select(x => x.Item));
        }
        return Assemble(fileName, Stitch(items));
    }

    /// <summary>Words grouped into lines (vertical overlap), each line left to right, lines top to bottom.</summary>
    public static IEnumerable<List<PageWord>> Lines(IEnumerable<PageWord> words)
    {
        var lines = new List<List<PageWord>>();
        double center = 0, height = 0;
        foreach (var word in words.OrderBy(w => w.CenterY).ThenBy(w => w.Left))
        {
            if (lines.Count > 0 && Math.Abs(center - word.CenterY) <= Math.Max(1, Math.Min(height, word.Height)) * 0.5)
            {
                var line = lines[^1];
                line.Add(word);
                center += (word.CenterY - center) / line.Count;
                height += (word.Height - height) / line.Count;
                continue;
            }
            lines.Add([word]);
            (center, height) = (word.CenterY, word.Height);
        }
        return lines.Select(l => l.OrderBy(w => w.Left).ToList());
    }

    /// <summary>Joins each table to the one before it when it continues it on the next page.</summary>
    private static List<object> Stitch(List<object> items)
    {
        var result = new List<object>();
        foreach (var item in items)
        {
            if (item is PageTable next && Continued(result, next) is { } previous)
            {
                var skip = next.HeaderRows > 0 && next.HeaderKey.SequenceEqual(previous.HeaderKey) ? next.HeaderRows : 0;
                previous.Rows.AddRange(next.Rows.Skip(skip));
                previous.LastPage = next.Page;
                continue;
            }
            result.Add(item);
        }
        return result;
    }

    /// <summary>
    /// The table that <paramref name="next"/> continues: the last item before it apart from page furniture (page numbers,
    /// "(tiếp theo)"), on the page before, with as many columns, and either no header or the same header.
    /// </summary>
    private static PageTable? Continued(List<object> result, PageTable next)
    {
        for (var k = result.Count - 1; k >= 0; k--)
        {
            if (result[k] is WordLine line && IsFurniture(line.Text)) continue;
            if (result[k] is not PageTable previous) return null;
            if (next.Page != previous.LastPage + 1 || previous.ColumnCount != next.ColumnCount) return null;
            return next.HeaderRows == 0 || next.HeaderKey.SequenceEqual(previous.HeaderKey) ? previous : null;
        }
        return null;
    }

    private static bool IsFurniture(string text) => FurniturePattern().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*|\(?\s*tiếp(?: theo)?.{0,40}\)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FurniturePattern();

    private static RawDocument Assemble(string fileName, List<object> items)
    {
        var paragraphs = new List<RawParagraph>();
        var tables = new List<RawTable>();
        var lineNumber = 0;
        string? title = null;
        foreach (var item in items)
        {
            if (item is WordLine line)
            {
                paragraphs.Add(new RawParagraph(++lineNumber, line.Text));
                if (!IsFurniture(line.Text)) title = line.Text;
                continue;
            }
            var table = (PageTable)item;
            var rows = table.Rows.Select(r => new RawRow(++lineNumber, r.Select(c => c.Text).ToList()) { Boxes = r.Select(c => c.Box).ToList() }).ToList();
            tables.Add(new RawTable(tables.Count, title, null, rows)
            {
                Layout = table.Layout, Page = table.Page, Quality = PageTable.Quality(table.Rows, table.HeaderRows),
            });
        }
        return new RawDocument(fileName, paragraphs, tables);
    }
}

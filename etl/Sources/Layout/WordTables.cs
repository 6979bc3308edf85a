using System.Text;

namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// Rebuilds a document's paragraphs and tables from positioned words (a PDF's text layer, Tesseract's TSV word boxes, a
/// space-aligned text table with one character per unit of width): words → lines → tables, from ruling lines where the
/// page has them, from column alignment otherwise; every cell keeps its box (and OCR confidence).
/// </summary>
public static class WordTables
{
    /// <summary>Builds the document of <paramref name="fileName"/> from its pages.</summary>
    public static RawDocument Build(string fileName, IReadOnlyList<PageContent> pages)
    {
        // Baseline: lines by vertical overlap, cells split at gaps wider than two average character widths; a run of
        // lines with two or more cells is a table. (The layout work replaces this with lattice/stream detection.)
        var paragraphs = new List<RawParagraph>();
        var tables = new List<RawTable>();
        var rows = new List<RawRow>();
        string? title = null;
        var lineNumber = 0;
        int? tablePage = null;
        foreach (var page in pages)
        {
            foreach (var line in Lines(page.Words))
            {
                lineNumber++;
                var cells = Cells(line);
                if (cells.Count >= 2)
                {
                    tablePage ??= page.Page;
                    rows.Add(new RawRow(lineNumber, cells.Select(c => c.Text).ToList()) { Boxes = cells.Select(c => (CellBox?)c.Box).ToList() });
                    continue;
                }
                EndTable();
                var text = string.Join(" ", line.Select(w => w.Text));
                paragraphs.Add(new RawParagraph(lineNumber, text));
                title = text;
            }
        }
        EndTable();
        return new RawDocument(fileName, paragraphs, tables);

        void EndTable()
        {
            if (rows.Count >= 2) tables.Add(new RawTable(tables.Count, title, null, rows.ToList()) { Layout = "stream", Page = tablePage });
            else paragraphs.AddRange(rows.Select(r => new RawParagraph(r.Line, string.Join(" ", r.Cells))));
            rows.Clear();
            tablePage = null;
        }
    }

    /// <summary>Words grouped into lines (vertical overlap), each line left to right, lines top to bottom.</summary>
    public static IEnumerable<List<PageWord>> Lines(IEnumerable<PageWord> words)
    {
        var lines = new List<List<PageWord>>();
        foreach (var word in words.OrderBy(w => w.CenterY).ThenBy(w => w.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line.Average(w => w.CenterY) - word.CenterY) <= Math.Max(1, line.Average(w => w.Height)) * 0.5)
                line.Add(word);
            else
                lines.Add([word]);
        }
        return lines.Select(l => l.OrderBy(w => w.Left).ToList());
    }

    private static List<(string Text, CellBox Box)> Cells(List<PageWord> line)
    {
        var cells = new List<(string, CellBox)>();
        var charWidth = line.Sum(w => w.Right - w.Left) / Math.Max(1, line.Sum(w => w.Text.Length));
        var current = new List<PageWord>();
        foreach (var word in line)
        {
            if (current.Count > 0 && word.Left - current[^1].Right > charWidth * 2) Flush();
            current.Add(word);
        }
        Flush();
        return cells;

        void Flush()
        {
            if (current.Count == 0) return;
            var text = new StringBuilder().AppendJoin(' ', current.Select(w => w.Text)).ToString();
            var confidences = current.Where(w => w.Confidence is not null).Select(w => w.Confidence!.Value).ToList();
            cells.Add((text, new CellBox(current[0].Page, current.Min(w => w.Left), current.Min(w => w.Top), current.Max(w => w.Right),
                current.Max(w => w.Bottom), confidences.Count > 0 ? confidences.Min() : null)));
            current.Clear();
        }
    }
}

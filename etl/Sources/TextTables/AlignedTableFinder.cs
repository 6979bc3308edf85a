namespace Bhyt.Etl.Sources.TextTables;

/// <summary>
/// Finds space-aligned tables (OCR'd text, <c>pdftotext -layout</c> output): data lines whose cells are separated by
/// runs of two or more spaces and hold figures. Columns are the gutters that stay blank down the whole body (a line
/// in ten may cross one), so numbers with thousands separated by single spaces ("1 234 567") or an OCR'd double space
/// inside a number do not split a column; a line whose label runs into a gutter is cut at its nearest space. The header
/// lines above the body are read by <see cref="AlignedHeader"/>. Lines starting lower case with no figure continue the
/// row above (a wrapped label).
/// </summary>
internal sealed class AlignedTableFinder(IReadOnlyList<TextBlockLine> lines)
{
    private const int MaxHeaderLines = 6;
    private const int LongestHeaderSegment = 60;
    private const int MinGutter = 2;

    private readonly List<AlignedSegment>[] _segments = lines.Select(l => AlignedSegment.Split(l.Text)).ToArray();

    /// <summary>The tables found, in line order.</summary>
    public IEnumerable<FoundTable> Find()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsBodyLine(i)) continue;
            var last = BodyEnd(i);
            var body = Enumerable.Range(i, last - i + 1).Where(k => _segments[k].Count >= 2).ToList();
            if (body.Count(IsBodyLine) < 2) continue;
            var columns = Columns(body);
            if (columns.Count < 2) continue;
            var first = HeaderStart(i);
            var header = new AlignedHeader(columns, Enumerable.Range(first, i - first).Where(k => !lines[k].IsBlank)
                .Select(k => new AlignedHeaderLine(k, lines[k].Number, _segments[k])).ToList());
            yield return new FoundTable(header.FirstLine ?? i, last, [.. header.Rows(), .. BodyRows(i, last, columns)], "aligned");
            i = last;
        }
    }

    private bool IsBodyLine(int k) =>
        _segments[k].Count >= 2 && _segments[k].Skip(1).Any(s => TextCell.IsFigure(s.Text))
        && TextCell.Classify(_segments[k][0].Text) is not (TextCellKind.Stop or TextCellKind.Sentence);

    private int BodyEnd(int start)
    {
        var last = start;
        var blanks = 0;
        for (var k = start + 1; k < lines.Count; k++)
        {
            if (lines[k].IsBlank)
            {
                if (++blanks > 2) break;
                continue;
            }
            blanks = 0;
            var kind = TextCell.Classify(lines[k].Text.Trim());
            if (kind is TextCellKind.Stop) break;
            if (IsBodyLine(k)) last = k;
            else if (_segments[k].Count < 2 && (kind == TextCellKind.Sentence || lines[k].Text.Trim().Length > LongestHeaderSegment)) break;
            else if (_segments[k].Count < 2 && IsContinuation(k) && last == k - 1) last = k;
        }
        return last;
    }

    private bool IsContinuation(int k) =>
        _segments[k].Count == 1 && _segments[k][0].Start >= MinGutter && TextCell.StartsLowerCase(_segments[k][0].Text);

    private int HeaderStart(int body)
    {
        var first = body;
        for (var k = body - 1; k >= 0 && body - k <= MaxHeaderLines + 1; k--)
        {
            if (lines[k].IsBlank)
            {
                if (k > 0 && _segments[k - 1].Count >= 2 && first < body) continue;
                break;
            }
            var kind = TextCell.Classify(lines[k].Text.Trim());
            if (kind is TextCellKind.Stop || _segments[k].Any(s => s.Text.Length > LongestHeaderSegment || TextCell.Classify(s.Text) == TextCellKind.Sentence)) break;
            first = k;
        }
        return first;
    }

    /// <summary>Column extents between the gutters of the body lines.</summary>
    private List<(int Start, int End)> Columns(List<int> body)
    {
        var width = body.Max(k => lines[k].Text.TrimEnd().Length);
        var occupied = new int[width];
        foreach (var k in body)
        {
            var text = lines[k].Text.TrimEnd();
            for (var x = 0; x < text.Length; x++)
                if (!char.IsWhiteSpace(text[x])) occupied[x]++;
        }
        var tolerance = body.Count >= 10 ? body.Count / 10 : 0;
        var left = body.Min(k => _segments[k][0].Start);
        var columns = new List<(int, int)>();
        var start = left;
        var x0 = left;
        while (x0 < width)
        {
            if (occupied[x0] <= tolerance)
            {
                var x1 = x0;
                while (x1 < width && occupied[x1] <= tolerance) x1++;
                if (x1 - x0 >= MinGutter && x1 < width)
                {
                    columns.Add((start, x0));
                    start = x1;
                }
                x0 = x1;
            }
            else x0++;
        }
        columns.Add((start, width));
        return columns;
    }

    private List<RawRow> BodyRows(int first, int last, List<(int Start, int End)> columns)
    {
        var rows = new List<RawRow>();
        for (var k = first; k <= last; k++)
        {
            if (lines[k].IsBlank) continue;
            var cells = Cut(lines[k].Text.TrimEnd(), columns);
            if (rows.Count > 0 && !cells.Any(TextCell.IsFigure) && cells.First(c => c.Length > 0) is var lead && TextCell.StartsLowerCase(lead))
                rows[^1] = rows[^1] with { Cells = rows[^1].Cells.Zip(cells, (a, b) => b.Length == 0 ? a : a.Length == 0 ? b : a + " " + b).ToList() };
            else
                rows.Add(new RawRow(lines[k].Number, cells));
        }
        return rows;
    }

    /// <summary>The line's text in each column; a gutter the line crosses is moved to the nearest space before it.</summary>
    private static List<string> Cut(string text, List<(int Start, int End)> columns)
    {
        var cuts = new List<int> { 0 };
        for (var j = 1; j < columns.Count; j++)
        {
            var (gutterStart, gutterEnd) = (columns[j - 1].End, columns[j].Start);
            if (gutterStart >= text.Length) { cuts.Add(text.Length); continue; }
            var clean = Enumerable.Range(gutterStart, Math.Min(gutterEnd, text.Length) - gutterStart).All(x => char.IsWhiteSpace(text[x]));
            var cut = clean ? gutterStart : LastSpace(text, Math.Min(gutterEnd, text.Length - 1), Math.Max(cuts[^1], gutterStart - 12));
            cuts.Add(Math.Max(cuts[^1], cut));
        }
        cuts.Add(Math.Max(cuts[^1], text.Length));
        return Enumerable.Range(0, columns.Count).Select(j => AlignedSegment.Collapse(text[cuts[j]..cuts[j + 1]])).ToList();
    }

    private static int LastSpace(string text, int from, int to)
    {
        for (var x = from; x >= to; x--)
            if (char.IsWhiteSpace(text[x])) return x;
        return from;
    }
}

namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// Tables without rules ("stream"): runs of lines split into several cells whose words line up in columns. Columns are
/// the x-ranges that the words of the table's multi-cell lines cover, separated by gutters that no such line crosses
/// (so right-aligned numbers and ragged labels both line up). Header lines above the first figure are merged into one
/// header row per group: a line with a cell spanning several columns (a group header) stands alone, the lines under it
/// merge column by column ("Năm" over "2019" becomes "Năm 2019"), and a header cell left empty takes the one above.
/// </summary>
internal static class StreamTables
{
    // Lines further apart than this many line heights do not belong to one table.
    private const double MaxLineGap = 2.5;
    // Lines of one wrapped cell stand closer than this many line heights.
    private const double WrapGap = 0.5;
    // Single-cell lines (wrapped labels, section rows) allowed between two multi-cell lines of a table.
    private const int MaxSingleLines = 2;

    /// <summary>The page's tables; the lines they took are removed from <paramref name="lines"/>.</summary>
    public static List<PageTable> Find(int page, List<WordLine> lines)
    {
        var tables = new List<PageTable>();
        var taken = new HashSet<WordLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Runs.Count < 2) { i++; continue; }
            var end = RegionEnd(lines, i);
            var body = lines.Skip(i).Take(end - i + 1).ToList();
            // Columns come from the lines from the first figure on: header cells are wider than their numbers and span groups.
            var firstData = body.FindIndex(l => l.Runs.Any(r => WordText.IsFigure(r.Text)));
            var dataLines = firstData < 0 ? [] : body.Skip(firstData).Where(l => l.Runs.Count >= 2).ToList();
            var columns = dataLines.Count switch
            {
                0 => [],
                1 when firstData == 0 || !AlignsWith(body[firstData - 1], dataLines) => [],
                _ => Columns(dataLines),
            };
            if (columns.Count < 2)
            {
                i = end + 1;
                continue;
            }
            var start = i;
            while (start > 0 && !taken.Contains(lines[start - 1]) && IsWrapOf(lines[start - 1], lines[start], columns)) start--;
            while (end + 1 < lines.Count && IsWrapOf(lines[end + 1], lines[end], columns) && StartsLowercase(lines[end + 1])) end++;
            var region = lines.Skip(start).Take(end - start + 1).ToList();
            tables.Add(new PageTable(page, "stream", region[0].Top, region[^1].Bottom, Rows(region, columns)));
            taken.UnionWith(region);
            i = end + 1;
        }
        lines.RemoveAll(taken.Contains);
        return tables;
    }

    /// <summary>
    /// A table's last page may hold one row under its repeated header: the header's last line must then have no more
    /// cells than the row has columns, which the lines of a justified paragraph (wide spaces anywhere) seldom do.
    /// </summary>
    private static bool AlignsWith(WordLine header, List<WordLine> data) => header.Runs.Count <= Columns(data).Count;

    /// <summary>The last line of the table that starts at multi-cell line <paramref name="start"/>.</summary>
    private static int RegionEnd(List<WordLine> lines, int start)
    {
        var end = start;
        var k = start + 1;
        while (k < lines.Count && Close(lines[k - 1], lines[k]))
        {
            if (lines[k].Runs.Count >= 2) { end = k++; continue; }
            var m = k;
            while (m < lines.Count && m - k < MaxSingleLines && lines[m].Runs.Count < 2 && Close(lines[m - 1], lines[m])) m++;
            if (m < lines.Count && lines[m].Runs.Count >= 2 && Close(lines[m - 1], lines[m])) { end = m; k = m + 1; }
            else break;
        }
        return end;
    }

    private static bool Close(WordLine above, WordLine below) =>
        below.Top - above.Bottom <= MaxLineGap * Math.Max(above.Height, below.Height);

    /// <summary>A one-cell line standing as close to its neighbour as the lines of a wrapped cell, inside one column.</summary>
    private static bool IsWrapOf(WordLine line, WordLine neighbour, List<(double Left, double Right)> columns)
    {
        var gap = line.Top > neighbour.Top ? line.Top - neighbour.Bottom : neighbour.Top - line.Bottom;
        if (line.Runs.Count != 1 || gap > WrapGap * Math.Max(line.Height, neighbour.Height)) return false;
        var (first, last) = Span(line.Runs[0], columns);
        return first == last;
    }

    private static bool StartsLowercase(WordLine line) => char.IsLower(line.Words[0].Text[0]);

    /// <summary>
    /// Column x-ranges: where the lines' words stand, split at gutters wider than a cell gap that (nearly) no line crosses.
    /// One line in ten may cross a gutter (a total too wide for its column) without merging two columns.
    /// </summary>
    private static List<(double Left, double Right)> Columns(List<WordLine> lines)
    {
        const double step = 0.5;
        var gap = lines.Select(l => l.CellGap).Order().ElementAt(lines.Count / 2);
        var left = lines.Min(l => l.Left);
        var coverage = new int[(int)((lines.Max(l => l.Right) - left) / step) + 2];
        foreach (var word in lines.SelectMany(l => l.Words))
            for (var b = (int)((word.Left - left) / step); b <= (int)((word.Right - left) / step); b++) coverage[b]++;
        var crossing = lines.Count / 10;
        var columns = new List<(double Left, double Right)>();
        var b0 = -1;
        for (var b = 0; b <= coverage.Length; b++)
        {
            var covered = b < coverage.Length && coverage[b] > crossing;
            if (covered && b0 < 0) b0 = b;
            if (covered || b0 < 0) continue;
            var (from, to) = (left + b0 * step, left + b * step);
            if (columns.Count > 0 && from - columns[^1].Right <= gap) columns[^1] = (columns[^1].Left, to);
            else columns.Add((from, to));
            b0 = -1;
        }
        return columns;
    }

    /// <summary>The column whose share of the page (up to the middle of the gutters around it) holds <paramref name="x"/>.</summary>
    private static int ColumnAt(double x, List<(double Left, double Right)> columns)
    {
        for (var c = 0; c < columns.Count - 1; c++)
            if (x < (columns[c].Right + columns[c + 1].Left) / 2) return c;
        return columns.Count - 1;
    }

    /// <summary>The columns a run covers, ignoring a small overhang on either side (a header a little wider than its numbers).</summary>
    private static (int First, int Last) Span(WordRun run, List<(double Left, double Right)> columns)
    {
        var inset = (run.Right - run.Left) * 0.15;
        return (ColumnAt(run.Left + inset, columns), ColumnAt(run.Right - inset, columns));
    }

    private static List<LayoutCell[]> Rows(List<WordLine> region, List<(double Left, double Right)> columns)
    {
        var firstData = region.FindIndex(l => l.Runs.Any(r => WordText.IsFigure(r.Text)));
        var rows = HeaderRows(region.Take(firstData).ToList(), columns);
        var headerCount = rows.Count;
        foreach (var line in region.Skip(firstData))
        {
            var cells = new LayoutCell[columns.Count];
            foreach (var word in line.Words)
            {
                var c = ColumnAt((word.Left + word.Right) / 2, columns);
                (cells[c] ??= LayoutCell.Empty).Add([word]);
            }
            var used = Enumerable.Range(0, columns.Count).Where(c => cells[c] is not null).ToList();
            if (rows.Count > headerCount && line.Runs.Count == 1 && used.Count == 1 && StartsLowercase(line))
            {
                rows[^1][used[0]].Add(line.Words);
                continue;
            }
            rows.Add(cells.Select(c => c ?? LayoutCell.Empty).ToArray());
        }
        return rows;
    }

    /// <summary>
    /// A short group header ("Năm 2023") centred over its column and the empty columns beside it whose sub-headers stand
    /// on the lines below: the widest such block of columns whose middle is the run's middle.
    /// </summary>
    private static (int First, int Last) Centred(WordRun run, int column, HashSet<int> occupied, HashSet<int> filledBelow,
        List<(double Left, double Right)> columns)
    {
        var best = (column, column);
        var centre = (run.Left + run.Right) / 2;
        // An empty column may join the group when no run of the line (or an earlier group) has taken it.
        bool Free(int c) => !occupied.Contains(c) && filledBelow.Contains(c);
        for (var first = column; first >= 0 && (first == column || Free(first)); first--)
        for (var last = column; last < columns.Count && (last == column || Free(last)); last++)
        {
            if (last == first) continue;
            var left = first == 0 ? columns[0].Left : (columns[first - 1].Right + columns[first].Left) / 2;
            var right = last == columns.Count - 1 ? columns[^1].Right : (columns[last].Right + columns[last + 1].Left) / 2;
            if (Math.Abs(centre - (left + right) / 2) <= 0.15 * (right - left) && last - first > best.Item2 - best.Item1) best = (first, last);
        }
        return best;
    }

    private static List<LayoutCell[]> HeaderRows(List<WordLine> lines, List<(double Left, double Right)> columns)
    {
        var rows = new List<LayoutCell[]>();
        LayoutCell[]? merging = null;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var filledBelow = lines.Skip(l + 1).SelectMany(b => b.Words).Select(w => ColumnAt((w.Left + w.Right) / 2, columns)).ToHashSet();
            var spans = line.Runs.Select(r => (Run: r, Span: Span(r, columns))).ToList();
            var occupied = spans.SelectMany(x => Enumerable.Range(x.Span.First, x.Span.Last - x.Span.First + 1)).ToHashSet();
            for (var k = 0; k < spans.Count; k++)
            {
                if (spans[k].Span.First != spans[k].Span.Last) continue;
                var block = Centred(spans[k].Run, spans[k].Span.First, occupied, filledBelow, columns);
                for (var c = block.First; c <= block.Last; c++) occupied.Add(c);
                spans[k] = (spans[k].Run, block);
            }
            var isGroup = spans.Any(s => s.Span.First != s.Span.Last);
            if (isGroup || merging is null)
            {
                merging = Enumerable.Range(0, columns.Count).Select(_ => LayoutCell.Empty).ToArray();
                rows.Add(merging);
            }
            foreach (var (run, (first, last)) in spans)
            {
                if (first == last) { merging[first].Add(run.Words); continue; }
                var cell = LayoutCell.Of(run.Words);
                for (var c = first; c <= last; c++) merging[c] = cell;
            }
            if (isGroup) merging = null;
        }
        for (var r = 1; r < rows.Count; r++)
        for (var c = 0; c < columns.Count; c++)
            if (rows[r][c].IsEmpty) rows[r][c] = rows[r - 1][c];
        return rows;
    }
}

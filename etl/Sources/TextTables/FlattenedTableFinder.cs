namespace Bhyt.Etl.Sources.TextTables;

/// <summary>
/// Finds tables flattened one cell per line, as a web page or a PDF copy gives them: a header of N cells each on its
/// own line ("TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2021", …), then the data cells one per line. Rows are rebuilt from
/// the header's columns and the row pattern, not by counting: a row number starts a row, a label is followed by its
/// unit (when the header has a unit column) and its figures, a lower-case line continues a wrapped label, empty cells
/// that vanished at the end of a row stay empty, blank lines are ignored. A table starts at a numbering header (TT,
/// STT) followed by a row number, or at a header holding a period followed by a label and a figure; it ends at running
/// text, a heading, a note or page furniture ("Nguồn: …", "Lượt xem: …"), or a cell that fits no column, and its
/// trailing rows without a figure go back to the text.
/// </summary>
internal sealed class FlattenedTableFinder
{
    private const int MaxHeaderCells = 20;
    private const int LongestHeaderCell = 60;

    private readonly IReadOnlyList<TextBlockLine> _lines;
    private readonly List<(int Index, string Text, TextCellKind Kind)> _cells;

    public FlattenedTableFinder(IReadOnlyList<TextBlockLine> lines)
    {
        _lines = lines;
        _cells = lines.Select((l, i) => (Index: i, Text: l.Text.Trim(), Kind: TextCellKind.Text))
            .Where(c => c.Text.Length > 0).Select(c => c with { Kind = TextCell.Classify(c.Text) }).ToList();
    }

    /// <summary>The tables found, in line order.</summary>
    public IEnumerable<FoundTable> Find()
    {
        for (var i = 0; i < _cells.Count;)
        {
            var found = TryTableAt(i);
            if (found is null)
            {
                i++;
                continue;
            }
            yield return found.Value.Table;
            i = found.Value.Next;
        }
    }

    private (FoundTable Table, int Next)? TryTableAt(int i)
    {
        if (!IsHeaderCell(i)) return null;
        var end = i + 1;
        while (end < _cells.Count && end - i < MaxHeaderCells && IsHeaderCell(end)) end++;
        if (end >= _cells.Count) return null;

        if (TextCell.IsNumberingHeader(_cells[i].Text))
        {
            if (end - i < 3 || _cells[end].Kind is not (TextCellKind.Ordinal or TextCellKind.ColumnNumber)) return null;
            return Rows(i, end) is { } numbered ? Found(i, numbered) : null;
        }

        // A label-first header: the last header-like cell before the first figure is the first row's label.
        var label = end - 1;
        if (!TextCell.IsValue(_cells[end].Kind) || _cells[label].Kind != TextCellKind.Text) return null;
        if (Enumerable.Range(i, label - i).Any(k => TextCell.IsNumberingHeader(_cells[k].Text))) return null;
        var best = Enumerable.Range(i, Math.Max(0, label - i - 1))
            .Where(s => Enumerable.Range(s, label - s).Any(k => _cells[k].Kind == TextCellKind.Period))
            .Select(s => (Start: s, Rows: Rows(s, label)))
            .Where(c => c.Rows is not null)
            .OrderByDescending(c => c.Rows!.Score).ThenBy(c => c.Start)
            .FirstOrDefault();
        return best.Rows is null ? null : Found(best.Start, best.Rows);
    }

    private (FoundTable, int) Found(int start, FlattenedRows rows)
    {
        var header = new RawRow(_lines[_cells[start].Index].Number, Enumerable.Range(start, rows.Width).Select(k => _cells[k].Text).ToList());
        var last = _cells[rows.LastCell].Index;
        return (new FoundTable(_cells[start].Index, last, [header, .. rows.Rows], "flattened"), rows.LastCell + 1);
    }

    /// <summary>The rows under the header <c>[start, dataStart)</c>, or null when none holds a figure.</summary>
    private FlattenedRows? Rows(int start, int dataStart)
    {
        var header = Enumerable.Range(start, dataStart - start).Select(k => _cells[k].Text).ToList();
        var builder = new FlattenedRows(header, _lines);
        for (var k = dataStart; k < _cells.Count; k++)
        {
            var (index, text, kind) = _cells[k];
            if (!builder.Add(k, index, text, kind, NextKind(k))) break;
        }
        return builder.Finish();
    }

    // The kind of the next cell that is not the lower-case continuation of a wrapped label.
    private TextCellKind NextKind(int k)
    {
        var next = k + 1;
        while (next < _cells.Count && _cells[next].Kind == TextCellKind.Text && TextCell.StartsLowerCase(_cells[next].Text)) next++;
        return next < _cells.Count ? _cells[next].Kind : TextCellKind.Stop;
    }

    private bool IsHeaderCell(int k) =>
        _cells[k].Kind is TextCellKind.Text or TextCellKind.Period && _cells[k].Text.Length <= LongestHeaderCell && !_cells[k].Text.EndsWith(':');
}

using Bhyt.Etl.Parsing;

namespace Bhyt.Etl.Sources.TextTables;

/// <summary>One header line above a space-aligned table's body: its index in the block, its number, its segments.</summary>
internal sealed record AlignedHeaderLine(int Index, int Number, IReadOnlyList<AlignedSegment> Segments);

/// <summary>
/// Turns the header lines of a space-aligned table into header rows, the way a Word table with merged cells reads: a
/// column's own header is its fragments on every header line joined top to bottom ("Năm" over "2021" → "Năm 2021");
/// a group header ("Chỉ tiêu giai đoạn 2021-2025") is a text over two or more columns that have headers of their own
/// below it, and it is repeated in each column it spans — widened to the neighbouring columns whose headers read
/// alike ("Năm …"), since a centred group text is often narrower than its columns. With groups there is one row per
/// group level, where a column outside the group repeats its own header, then the row of the columns' own headers.
/// A single line at the top that runs over the label column and others is the table's title, not its header.
/// </summary>
internal sealed class AlignedHeader
{
    private readonly List<(int Start, int End)> _columns;
    private readonly List<AlignedHeaderLine> _lines;
    private readonly string[] _leaves;
    private readonly List<(int Level, string Text)>[] _groups;

    public AlignedHeader(List<(int Start, int End)> columns, List<AlignedHeaderLine> lines)
    {
        _columns = columns;
        _lines = lines.SkipWhile(IsTitle).ToList();
        var segments = _lines.SelectMany((line, level) => line.Segments.Select(s => (Level: level, Segment: s, Covered: Covered(s), Primary: Primary(s)))).ToList();
        var groups = segments.Where(s => s.Covered.Count >= 2 && segments.Where(o => o.Level > s.Level && s.Covered.Contains(o.Primary)).Select(o => o.Primary).Distinct().Count() >= 2).ToList();

        _leaves = Enumerable.Range(0, columns.Count).Select(j => string.Join(" ", segments.Where(s => s.Primary == j && !groups.Contains(s))
            .OrderBy(s => s.Level).ThenBy(s => s.Segment.Start).Select(s => AlignedSegment.Collapse(s.Segment.Text)))).ToArray();
        _groups = Enumerable.Range(0, columns.Count).Select(_ => new List<(int, string)>()).ToArray();
        foreach (var group in groups)
        {
            var above = segments.Where(s => s.Level <= group.Level && s != group).SelectMany(s => s.Covered.Append(s.Primary)).ToHashSet();
            foreach (var j in Widened(group.Covered, above))
                _groups[j].Add((group.Level, AlignedSegment.Collapse(group.Segment.Text)));
        }
    }

    /// <summary>The index (in the block) of the first header line, or null when the table has no header.</summary>
    public int? FirstLine => _lines.Count > 0 ? _lines[0].Index : null;

    public IEnumerable<RawRow> Rows()
    {
        if (_lines.Count == 0) yield break;
        var levels = _groups.Max(g => g.Count);
        for (var level = 0; level < levels; level++)
        {
            var line = _lines[_groups.Where(g => g.Count > level).Min(g => g.OrderBy(x => x.Level).ElementAt(level).Level)].Number;
            var at = level;
            yield return new RawRow(line, _groups.Select((g, j) => g.Count > at ? g.OrderBy(x => x.Level).ElementAt(at).Text : _leaves[j]).ToList());
        }
        yield return new RawRow(_lines[^1].Number, _leaves);
    }

    private IEnumerable<int> Widened(List<int> covered, HashSet<int> taken)
    {
        var (first, last) = (covered.Min(), covered.Max());
        while (first > 0 && !taken.Contains(first - 1) && Alike(first - 1, first)) first--;
        while (last < _columns.Count - 1 && !taken.Contains(last + 1) && Alike(last + 1, last)) last++;
        return Enumerable.Range(first, last - first + 1);
    }

    private bool Alike(int column, int inGroup) => _leaves[column].Length > 0 && FirstWord(_leaves[column]) == FirstWord(_leaves[inGroup]);

    private static string FirstWord(string text)
    {
        var word = CellText.Fold(TextCell.OcrDigits(text)).Split(' ')[0];
        return word.All(char.IsAsciiDigit) ? "#" : word;
    }

    private bool IsTitle(AlignedHeaderLine line) =>
        line.Segments.Count == 1 && Covered(line.Segments[0]) is { Count: >= 2 } covered && covered.Contains(0);

    private List<int> Covered(AlignedSegment segment) =>
        Enumerable.Range(0, _columns.Count).Where(j => Overlap(segment, j) > 0).ToList();

    private int Primary(AlignedSegment segment) =>
        Enumerable.Range(0, _columns.Count).OrderByDescending(j => Overlap(segment, j))
            .ThenBy(j => Math.Abs((_columns[j].Start + _columns[j].End) / 2.0 - segment.Center)).First();

    private int Overlap(AlignedSegment segment, int column) =>
        Math.Max(0, Math.Min(segment.End, _columns[column].End) - Math.Max(segment.Start, _columns[column].Start));
}

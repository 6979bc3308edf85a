namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// A table found on one page, before tables continued over pages are stitched: rows of cells (merged cells repeated in
/// each column they span), how it was found, where it stands, and how many of its first rows are header rows.
/// </summary>
internal sealed class PageTable(int page, string layout, double top, double bottom, List<LayoutCell[]> rows)
{
    public int Page { get; } = page;
    /// <summary>The last page the table reaches once continuations are stitched to it.</summary>
    public int LastPage { get; set; } = page;
    public string Layout { get; } = layout;
    public double Top { get; } = top;
    public double Bottom { get; } = bottom;
    public List<LayoutCell[]> Rows { get; } = rows;
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows[0].Length;

    /// <summary>The rows before the first one that holds a figure (a number that is not a year, date or column number).</summary>
    public int HeaderRows
    {
        get
        {
            var first = Rows.FindIndex(r => r.Any(c => WordText.IsFigure(c.Text)));
            return first < 0 ? 0 : first;
        }
    }

    /// <summary>
    /// The header's distinct cell texts, whitespace and case normalised, for recognising a header repeated on the next
    /// page even where the page's columns split its group cells a little differently.
    /// </summary>
    public IReadOnlyList<string> HeaderKey => Rows.Take(HeaderRows).SelectMany(r => r)
        .Select(c => string.Join(" ", c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
        .Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Share of the body rows that fill as many cells as most body rows do: 1 for a clean table, lower when columns were
    /// split or merged wrongly on some rows. Shown by <c>--explain</c>.
    /// </summary>
    public static double Quality(IReadOnlyList<LayoutCell[]> rows, int headerRows)
    {
        var filled = rows.Skip(headerRows).Select(r => r.Count(c => !c.IsEmpty)).ToList();
        if (filled.Count == 0) return 0;
        var common = filled.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        return Math.Round((double)filled.Count(n => n == common) / filled.Count, 3);
    }
}

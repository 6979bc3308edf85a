namespace Bhyt.Etl.Sources.TextTables;

/// <summary>
/// The lines between a text document's TAB and pipe tables, split into paragraphs and the tables found in them:
/// space-aligned tables first, then tables flattened one cell per line in what is left.
/// </summary>
internal static class TextBlock
{
    /// <summary>Paragraphs (non-blank lines not in a table, less trailing whitespace) and tables, in line order.</summary>
    public static IEnumerable<object> Split(IReadOnlyList<TextBlockLine> lines)
    {
        var next = 0;
        foreach (var aligned in new AlignedTableFinder(lines).Find())
        {
            foreach (var item in Flattened(lines, next, aligned.First)) yield return item;
            yield return aligned;
            next = aligned.Last + 1;
        }
        foreach (var item in Flattened(lines, next, lines.Count)) yield return item;
    }

    private static IEnumerable<object> Flattened(IReadOnlyList<TextBlockLine> lines, int from, int to)
    {
        var region = lines.Skip(from).Take(to - from).ToList();
        var next = 0;
        foreach (var table in new FlattenedTableFinder(region).Find())
        {
            foreach (var paragraph in Paragraphs(region, next, table.First)) yield return paragraph;
            yield return table;
            next = table.Last + 1;
        }
        foreach (var paragraph in Paragraphs(region, next, region.Count)) yield return paragraph;
    }

    private static IEnumerable<RawParagraph> Paragraphs(List<TextBlockLine> lines, int from, int to) =>
        lines.Skip(from).Take(to - from).Where(l => !l.IsBlank).Select(l => new RawParagraph(l.Number, l.Text.TrimEnd()));
}

namespace Bhyt.Etl.Sources;

/// <summary>What one line of a .md/.txt document is, for <see cref="TextDocumentReader"/>.</summary>
internal enum TextLineKind
{
    /// <summary>Empty or whitespace only.</summary>
    Blank,

    /// <summary>Running text: a heading, a paragraph, a list item.</summary>
    Paragraph,

    /// <summary>A row of a table whose cells are separated by TAB (the seeds' export).</summary>
    TabRow,

    /// <summary>A row of a markdown pipe table (<c>| a | b |</c>).</summary>
    PipeRow,

    /// <summary>The <c>|---|:---:|</c> line under a pipe table's header.</summary>
    PipeSeparator,
}

/// <summary>Classifies a text line and splits table lines into cells.</summary>
internal static class TextLine
{
    /// <summary>
    /// A line with a TAB is a tab row whatever else it holds; a line starting with '|' and holding another '|' is a
    /// pipe row.
    /// </summary>
    public static TextLineKind Classify(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return TextLineKind.Blank;
        if (line.Contains('\t')) return TextLineKind.TabRow;
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|') && trimmed.IndexOf('|', 1) > 0)
            return SplitPipes(trimmed).All(IsSeparatorCell) ? TextLineKind.PipeSeparator : TextLineKind.PipeRow;
        return TextLineKind.Paragraph;
    }

    /// <summary>Cells between TABs, trimmed; empty cells (trailing ones too) keep their column.</summary>
    public static string[] SplitTabs(string line) => line.Split('\t').Select(c => c.Trim()).ToArray();

    /// <summary>
    /// Cells between unescaped pipes, trimmed, without the outer pipes; <c>\|</c> stands for a pipe inside a cell.
    /// </summary>
    public static string[] SplitPipes(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('|')) text = text[1..];
        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal)) text = text[..^1];

        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else cell.Append(text[i]);
        }
        cells.Add(cell.ToString().Trim());
        return cells.ToArray();
    }

    private static bool IsSeparatorCell(string cell) =>
        cell.Trim(':').Length > 0 && cell.Trim(':').All(c => c == '-');
}

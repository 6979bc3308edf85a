namespace Bhyt.Etl.Sources.TextTables;

/// <summary>One line of a plain-text document as the table finders see it: its 1-based number and its text as written.</summary>
internal sealed record TextBlockLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A table a finder rebuilt from the lines <see cref="First"/> to <see cref="Last"/> (indexes into its input).</summary>
internal sealed record FoundTable(int First, int Last, IReadOnlyList<RawRow> Rows, string Layout);

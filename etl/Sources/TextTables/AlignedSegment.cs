using System.Text.RegularExpressions;

namespace Bhyt.Etl.Sources.TextTables;

/// <summary>
/// A run of text on one line of a space-aligned table, between runs of two or more spaces; <see cref="Start"/> and
/// <see cref="End"/> are character columns (end exclusive). Single spaces (words, "1 234 567") stay inside a segment.
/// </summary>
internal sealed partial record AlignedSegment(int Start, int End, string Text)
{
    public double Center => (Start + End) / 2.0;

    public static List<AlignedSegment> Split(string line) =>
        Run().Matches(line.TrimEnd()).Select(m => new AlignedSegment(m.Index, m.Index + m.Length, m.Value)).ToList();

    /// <summary>Whitespace runs inside a cell's text as single spaces.</summary>
    public static string Collapse(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex Run();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

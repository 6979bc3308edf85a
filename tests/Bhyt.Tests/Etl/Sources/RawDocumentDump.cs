using Bhyt.Etl.Sources;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>
/// A <see cref="RawDocument"/> as lines of text, so a test can state the whole expected document and see a readable
/// difference when it fails.
/// </summary>
public static class RawDocumentDump
{
    public static string[] Lines(RawDocument document) =>
    [
        .. document.Paragraphs.Select(p => P(p.Line, p.Text)),
        .. document.Tables.SelectMany(t => (string[])[T(t.Index, t.Title, t.Sheet), .. t.Rows.Select(r => R(r.Line, [.. r.Cells]))]),
    ];

    public static string P(int line, string text) => $"paragraph {line}: {text}";

    public static string T(int index, string? title, string? sheet = null) => $"table {index} sheet={sheet ?? "-"} title={title ?? "-"}";

    public static string R(int line, params string[] cells) => $"  row {line}: " + string.Join(" ¦ ", cells.Select(c => $"«{c}»"));
}

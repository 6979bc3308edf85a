using System.Text.RegularExpressions;

namespace Bhyt.Etl.Sources.Layout;

/// <summary>A rebuilt cell: its words in reading order (possibly over several lines) and where they stand.</summary>
internal sealed class LayoutCell
{
    private readonly List<PageWord> words = [];

    public static LayoutCell Empty => new();

    public static LayoutCell Of(IEnumerable<PageWord> words)
    {
        var cell = new LayoutCell();
        cell.Add(words);
        return cell;
    }

    public bool IsEmpty => words.Count == 0;

    /// <summary>The words, line after line, joined by single spaces.</summary>
    public string Text => string.Join(" ", WordTables.Lines(words).SelectMany(l => l).Select(w => w.Text));

    public void Add(IEnumerable<PageWord> more) => words.AddRange(more);

    public CellBox? Box
    {
        get
        {
            if (words.Count == 0) return null;
            var confidences = words.Where(w => w.Confidence is not null).Select(w => w.Confidence!.Value).ToList();
            return new CellBox(words[0].Page, words.Min(w => w.Left), words.Min(w => w.Top), words.Max(w => w.Right), words.Max(w => w.Bottom),
                confidences.Count > 0 ? confidences.Min() : null);
        }
    }
}

/// <summary>What a cell's text says about its row: a figure (data), a period or column number (header), or words.</summary>
internal static partial class WordText
{
    /// <summary>A number, percentage or dash as tables write figures ("1.234.567", "88,75%", "-", "(12)").</summary>
    public static bool IsFigure(string text) => FigurePattern().IsMatch(text.Trim()) && !IsHeaderNumber(text);

    /// <summary>A year, a year range, a date or a column number "(3)": numbers that headers carry.</summary>
    public static bool IsHeaderNumber(string text) => HeaderNumberPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:[-–—]|[(\[]?[-+−]?\d[\d.,  ]*%?[)\]]?)$")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"^(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?|\d{1,2}/\d{1,2}/(?:19|20)\d\d|\(\d{1,2}\)|[-–—])$")]
    private static partial Regex HeaderNumberPattern();
}

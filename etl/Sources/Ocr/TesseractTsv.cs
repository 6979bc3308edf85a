using System.Globalization;
using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>One page of Tesseract's TSV: its size in pixels and its words, each with the line Tesseract put it on.</summary>
internal sealed record TsvPage(int Page, int Width, int Height, IReadOnlyList<TsvWord> Words);

/// <summary>A recognised word in pixels, keyed by Tesseract's block/paragraph/line, with its confidence (0–100).</summary>
internal sealed record TsvWord(string Text, int Left, int Top, int Width, int Height, double Confidence, (int Block, int Paragraph, int Line) LineKey);

/// <summary>
/// Reads Tesseract's TSV output (<c>level page_num block_num par_num line_num word_num left top width height conf text</c>).
/// Ruling lines that Tesseract reads as characters (<c>|</c>, <c>_</c>, <c>[</c>) are trimmed from words, and words
/// left with no letter or digit are dropped, except a lone dash: in a table it means "not reported".
/// </summary>
internal static class TesseractTsv
{
    private static readonly char[] GridCharacters = ['|', '[', ']', '_', '{', '}', '¦', '“', '”', '‘', '’', '"', '\''];
    private static readonly char[] StrayMarks = [':', ';', '`', '~', '^', '*', '»', '«', '›', '‹'];

    public static IReadOnlyList<TsvPage> Parse(string tsv)
    {
        var pages = new List<(int Page, int Width, int Height, List<TsvWord> Words)>();
        List<TsvWord>? words = null;
        foreach (var line in tsv.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length < 12 || !int.TryParse(fields[0], out var level)) continue;
            int Field(int i) => int.Parse(fields[i], CultureInfo.InvariantCulture);
            if (level == 1)
            {
                words = [];
                pages.Add((Field(1), Field(8), Field(9), words));
            }
            else if (level == 5 && words is not null && Clean(fields[11]) is { } text)
            {
                var confidence = double.Parse(fields[10], CultureInfo.InvariantCulture);
                words.Add(new TsvWord(text, Field(6), Field(7), Field(8), Field(9), Math.Max(0, confidence), (Field(2), Field(3), Field(4))));
            }
        }
        return pages.Select(p => new TsvPage(p.Page, p.Width, p.Height, WithoutSpecks(p.Words))).ToList();
    }

    /// <summary>The page's words in points (<paramref name="pointsPerPixel"/>), levelled by <see cref="WordDeskew"/>.</summary>
    public static PageContent ToPageContent(TsvPage page, int pageNumber, double pointsPerPixel)
    {
        var level = WordDeskew.Level(page);
        var words = page.Words.Select(w =>
        {
            var (x, y) = level(w.Left + w.Width / 2.0, w.Top + w.Height / 2.0);
            return new PageWord(pageNumber, w.Text, (x - w.Width / 2.0) * pointsPerPixel, (y - w.Height / 2.0) * pointsPerPixel,
                (x + w.Width / 2.0) * pointsPerPixel, (y + w.Height / 2.0) * pointsPerPixel, w.Confidence);
        }).ToList();
        return new PageContent(pageNumber, page.Width * pointsPerPixel, page.Height * pointsPerPixel, words, []);
    }

    private static string? Clean(string raw)
    {
        var text = raw.Trim().Trim(GridCharacters).Trim().TrimStart(StrayMarks).TrimEnd(StrayMarks);
        // "1.891.234." — a speck after a number reads as a full stop.
        if (text.Length > 1 && char.IsDigit(text[0]) && text[^1] is '.' or ',') text = text[..^1];
        if (text is "-" or "–") return "-";
        return text.Any(char.IsLetterOrDigit) ? text : null;
    }

    /// <summary>
    /// Specks and ruling remnants read as words: far smaller than the page's text, a lone dash of a hair's height,
    /// or a character or two Tesseract itself barely believes.
    /// </summary>
    private static bool IsSpeck(TsvWord word, double medianHeight) =>
        word.Height < medianHeight * 0.3
        || (word.Text == "-" && word.Confidence < 50)
        || (word.Text.Length <= 2 && word.Confidence < 20);

    private static IReadOnlyList<TsvWord> WithoutSpecks(List<TsvWord> words)
    {
        if (words.Count == 0) return words;
        var heights = words.Select(w => w.Height).Order().ToList();
        var median = (double)heights[heights.Count / 2];
        return words.Where(w => !IsSpeck(w, median)).ToList();
    }
}

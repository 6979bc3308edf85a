using System.Text.RegularExpressions;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Reads a ruled table's figures again cell by cell. Read as a whole page, a number right against a cell's rule comes
/// back with the rule's remains in it (<c>839,78</c> for <c>89,78</c>, <c>95,9)</c>) or with a confidence too low to
/// trust. So every cell of a mostly numeric column is cut out inside its rules (their full thickness plus a margin),
/// trimmed to its ink, made black on white (Otsu), enlarged when the text is small, and OCR'd as one line
/// (<c>--psm 7</c>); where that reading and the page's disagree, do not look like a number or are unsure, a third
/// reading restricted to digits and number punctuation decides. The readings vote: the text most of them give wins,
/// with the best confidence among those that agree (two independent readings of the same text are worth more than
/// either); a cell no reading makes a number of keeps the page's reading.
/// </summary>
internal static partial class CellReading
{
    /// <summary>The characters a figure is written with, for the restricted reading.</summary>
    public const string NumberCharacters = "0123456789.,%-";

    /// <summary>A numeric cell's text shorter than this (pixels) is enlarged before OCR.</summary>
    private const int SmallText = 24;

    private const int Border = 12;

    /// <summary>
    /// <paramref name="page"/> with its table cells' words replaced by their better reading. <paramref name="ocr"/> OCRs
    /// images as single lines (with the character whitelist given, or none) and returns one page per image, or null.
    /// </summary>
    public static TsvPage Reread(TsvPage page, GrayImage image, IReadOnlyList<Ruling> rulings,
        Func<IReadOnlyList<GrayImage>, string?, IReadOnlyList<TsvPage>?> ocr)
    {
        var vertical = rulings.Where(r => r.IsVertical).ToList();
        var horizontal = rulings.Where(r => r.IsHorizontal).ToList();
        if (vertical.Count < 2 || horizontal.Count < 2) return page;

        var cells = page.Words
            .Select(w => (Word: w, Cell: CellOf(w.Left + w.Width / 2.0, w.Top + w.Height / 2.0, vertical, horizontal)))
            .Where(x => x.Cell is not null)
            .GroupBy(x => x.Cell!.Value, x => x.Word)
            .Select(g => new Cell(g.Key, g.OrderBy(w => w.Left).ToList()))
            .ToList();
        // Only the cells of mostly numeric columns: headers and names read better as the page's lines.
        var numericColumns = cells.GroupBy(c => (c.Box.Left, c.Box.Right))
            .Where(column => column.Count() >= 3 && column.Count(c => IsNumericish(c.PageText)) >= 0.6 * column.Count())
            .SelectMany(column => column)
            .Where(c => IsNumericish(c.PageText) || c.PageConfidence < OcrConfidence.Floor)
            .ToList();
        if (numericColumns.Count == 0) return page;

        var threshold = image.OtsuThreshold();
        var crops = numericColumns.Select(c => (Cell: c, Crop: Cut(image, c, threshold))).Where(x => x.Crop is not null).ToList();
        if (crops.Count == 0) return page;
        var first = ocr(crops.Select(c => c.Crop!.Value.Image).ToList(), null);
        if (first is null || first.Count != crops.Count) return page;

        var readings = crops.Select((c, i) => new List<Reading> { c.Cell.PageReading, Reading.Of(first[i], c.Crop!.Value) }).ToList();
        var doubtful = Enumerable.Range(0, crops.Count)
            .Where(i => readings[i][1] is var cell && (cell.Text != readings[i][0].Text || cell.Confidence < OcrConfidence.Floor || !IsNumber(cell.Text)))
            .ToList();
        if (doubtful.Count > 0 && ocr(doubtful.Select(i => crops[i].Crop!.Value.Image).ToList(), NumberCharacters) is { } restricted
            && restricted.Count == doubtful.Count)
            for (var k = 0; k < doubtful.Count; k++) readings[doubtful[k]].Add(Reading.Of(restricted[k], crops[doubtful[k]].Crop!.Value));

        var replaced = new Dictionary<TsvWord, TsvWord?>();
        for (var i = 0; i < crops.Count; i++)
        {
            var cell = crops[i].Cell;
            if (Vote(readings[i]) is not { } best || best == cell.PageReading) continue;
            var keep = cell.Words[0];
            var box = best.Box ?? (keep.Left, keep.Top, keep.Width, keep.Height);
            replaced[keep] = new TsvWord(best.Text, box.Left, box.Top, box.Width, box.Height, best.Confidence, keep.LineKey);
            foreach (var other in cell.Words.Skip(1)) replaced[other] = null;
        }
        if (replaced.Count == 0) return page;
        var words = page.Words.Select(w => replaced.TryGetValue(w, out var r) ? r : w).OfType<TsvWord>().ToList();
        return page with { Words = words };
    }

    /// <summary>True for a figure's usual shapes: <c>1.234.567</c>, <c>89,78</c>, <c>95,9%</c>, <c>1234</c>, <c>-</c>.</summary>
    public static bool IsNumber(string text) => NumberShape().IsMatch(text);

    /// <summary>Text that is mostly digits: a figure, however badly read.</summary>
    public static bool IsNumericish(string text)
    {
        int digits = text.Count(char.IsDigit), letters = text.Count(char.IsLetter);
        return digits > 0 && letters * 2 <= digits || text is "-" or "–";
    }

    /// <summary>The reading most readings that look like numbers agree on; null when none looks like one.</summary>
    private static Reading? Vote(List<Reading> readings)
    {
        var best = readings.Where(r => IsNumber(r.Text))
            .GroupBy(r => r.Text)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(r => r.Confidence))
            .FirstOrDefault();
        if (best is null) return null;
        // Prefer the page's own box when it agrees; otherwise the cell reading's box.
        var chosen = best.OrderByDescending(r => r.Box is null).First();
        return chosen with { Confidence = best.Max(r => r.Confidence) };
    }

    private static (Ruling Left, Ruling Right, Ruling Top, Ruling Bottom)? CellOf(double x, double y, List<Ruling> vertical, List<Ruling> horizontal)
    {
        var left = vertical.Where(v => v.X1 < x && v.Y1 <= y && v.Y2 >= y).MaxBy(v => v.X1);
        var right = vertical.Where(v => v.X1 > x && v.Y1 <= y && v.Y2 >= y).MinBy(v => v.X1);
        var top = horizontal.Where(h => h.Y1 < y && h.X1 <= x && h.X2 >= x).MaxBy(h => h.Y1);
        var bottom = horizontal.Where(h => h.Y1 > y && h.X1 <= x && h.X2 >= x).MinBy(h => h.Y1);
        return left is null || right is null || top is null || bottom is null ? null : (left, right, top, bottom);
    }

    /// <summary>The cell's inside (clear of its rules and their fringe) trimmed to its ink, as a black-on-white image.</summary>
    private static Crop? Cut(GrayImage image, Cell cell, byte threshold)
    {
        var (l, r, t, b) = cell.Box;
        static int Inset(Ruling rule) => (int)Math.Ceiling(rule.Thickness / 2) + 3;
        int left = (int)l.X1 + Inset(l), right = (int)r.X1 - Inset(r), top = (int)t.Y1 + Inset(t), bottom = (int)b.Y1 - Inset(b);
        if (right - left < 4 || bottom - top < 4) return null;
        // A rule's remains still standing at the inside's edge (a long dark column) are left out too.
        while (right - left > 4 && MostlyDark(image, left, top, bottom, threshold)) left++;
        while (right - left > 4 && MostlyDark(image, right - 1, top, bottom, threshold)) right--;
        if (image.Ink(left, top, right, bottom, threshold, minimum: 12) is not { } ink) return null;
        var scale = ink.Bottom - ink.Top < SmallText ? 2 : 1;
        return new Crop(image.Crop(ink.Left, ink.Top, ink.Right, ink.Bottom, scale, Border, threshold), ink.Left, ink.Top, scale);
    }

    private static bool MostlyDark(GrayImage image, int x, int top, int bottom, byte threshold)
    {
        var dark = 0;
        for (var y = top; y < bottom; y++) if (image[x, y] < threshold) dark++;
        return dark * 2 > bottom - top;
    }

    [GeneratedRegex(@"^(?:[-–]|[-–]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?\s?%?|[-–]?\d+(?:[.,]\d+)?\s?%?)$")]
    private static partial Regex NumberShape();

    private sealed record Cell((Ruling Left, Ruling Right, Ruling Top, Ruling Bottom) Box, List<TsvWord> Words)
    {
        public string PageText { get; } = string.Join(" ", Words.Select(w => w.Text));
        public double PageConfidence { get; } = Words.Min(w => w.Confidence);
        public Reading PageReading { get; } = new(string.Join(" ", Words.Select(w => w.Text)), Words.Min(w => w.Confidence), null);
    }

    private readonly record struct Crop(GrayImage Image, int Left, int Top, int Scale);

    /// <summary>One reading of a cell: its text, its least confident word's confidence, and (cell readings) its box on the page.</summary>
    private sealed record Reading(string Text, double Confidence, (int Left, int Top, int Width, int Height)? Box)
    {
        public static Reading Of(TsvPage page, Crop crop)
        {
            if (page.Words.Count == 0) return new Reading("", 0, null);
            // One line of one figure: pieces split by a gap are one number ("1.431 .310").
            var pieces = page.Words.Select(w => w.Text).ToList();
            var text = pieces.All(IsNumericish) ? string.Concat(pieces) : string.Join(" ", pieces);
            int left = page.Words.Min(w => w.Left), top = page.Words.Min(w => w.Top);
            int right = page.Words.Max(w => w.Left + w.Width), bottom = page.Words.Max(w => w.Top + w.Height);
            int X(int v) => crop.Left + (v - Border) / crop.Scale;
            int Y(int v) => crop.Top + (v - Border) / crop.Scale;
            return new Reading(text, page.Words.Min(w => w.Confidence), (X(left), Y(top), X(right) - X(left), Y(bottom) - Y(top)));
        }
    }
}

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Levels the words of a page that was OCR'd with a residual tilt: the tilt is the median slope of Tesseract's own text
/// lines (each fitted through its words' bottoms), and every word's centre is turned back around the page's centre so
/// that a table row's cells share one height again. Images are not turned before OCR (only PDF pages are, in pixels),
/// so this is what keeps their rows together; on a straight page it changes nothing.
/// </summary>
internal static class WordDeskew
{
    /// <summary>The tilt below which words are left as they are, in radians (0.1°).</summary>
    private const double Negligible = 0.1 * Math.PI / 180;

    /// <summary>A function mapping a pixel point of <paramref name="page"/> to its levelled position.</summary>
    public static Func<double, double, (double X, double Y)> Level(TsvPage page)
    {
        var angle = Angle(page);
        if (Math.Abs(angle) < Negligible) return (x, y) => (x, y);
        var (sin, cos) = Math.SinCos(angle);
        double cx = page.Width / 2.0, cy = page.Height / 2.0;
        return (x, y) => (cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos);
    }

    /// <summary>The page's tilt in radians (positive: lines go down to the right), 0 when no line is long enough to tell.</summary>
    public static double Angle(TsvPage page)
    {
        var minimumSpan = page.Width / 5.0;
        var slopes = page.Words.GroupBy(w => w.LineKey)
            .Select(line => line.ToList())
            .Where(line => line.Count >= 2 && line.Max(w => w.Left + w.Width) - line.Min(w => w.Left) >= minimumSpan)
            .Select(Slope)
            .Order()
            .ToList();
        return slopes.Count == 0 ? 0 : Math.Atan(slopes[slopes.Count / 2]);
    }

    private static double Slope(List<TsvWord> line)
    {
        // Least squares of the bottom edge over the centre, weighted by width so long numbers count more than dots.
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var w in line)
        {
            double weight = w.Width, x = w.Left + w.Width / 2.0, y = w.Top + w.Height;
            sw += weight; sx += weight * x; sy += weight * y; sxx += weight * x * x; sxy += weight * x * y;
        }
        var denominator = sw * sxx - sx * sx;
        return denominator <= 0 ? 0 : (sw * sxy - sx * sy) / denominator;
    }
}

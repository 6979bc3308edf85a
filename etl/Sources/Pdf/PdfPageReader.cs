using Bhyt.Etl.Sources.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Bhyt.Etl.Sources.Pdf;

/// <summary>
/// One PdfPig page as <see cref="PageContent"/>: words and ruling lines moved from PDF space (origin bottom-left, y up)
/// to the page's top-left origin (y down).
/// </summary>
internal static class PdfPageReader
{
    // A filled rectangle thinner than this is a drawn rule (many producers draw table borders as thin filled boxes).
    private const double RuleThickness = 2.5;

    public static PageContent Read(Page page)
    {
        var box = page.MediaBox.Bounds;
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).Select(w => ToPageWord(page.Number, w, box)).ToList();
        return new PageContent(page.Number, box.Width, box.Height, words, Rulings(page, box).ToList());
    }

    /// <summary>
    /// The word's box from its baseline and font size rather than its glyphs, so that "Cả" and "nước" on one line get the
    /// same top and bottom whatever their accents.
    /// </summary>
    private static PageWord ToPageWord(int page, Word word, PdfRectangle box)
    {
        var bounds = word.BoundingBox;
        var size = word.Letters.Max(l => l.PointSize);
        double top, bottom;
        if (word.TextOrientation == TextOrientation.Horizontal && size > 0)
        {
            var baseline = word.Letters.Min(l => l.StartBaseLine.Y);
            top = box.Top - (baseline + size * 0.8);
            bottom = box.Top - (baseline - size * 0.2);
        }
        else
        {
            top = box.Top - bounds.Top;
            bottom = box.Top - bounds.Bottom;
        }
        return new PageWord(page, word.Text, bounds.Left - box.Left, top, bounds.Right - box.Left, bottom);
    }

    private static IEnumerable<RulingLine> Rulings(Page page, PdfRectangle box)
    {
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    // A filled box is a rule only when it is thin: a shaded cell is not a border.
                    var r = subpath.GetBoundingRectangle();
                    if (r is not { } rect || (rect.Width > RuleThickness && rect.Height > RuleThickness)) continue;
                    yield return rect.Width <= RuleThickness
                        ? Line(page.Number, box, rect.Centroid.X, rect.Bottom, rect.Centroid.X, rect.Top)
                        : Line(page.Number, box, rect.Left, rect.Centroid.Y, rect.Right, rect.Centroid.Y);
                    continue;
                }
                foreach (var segment in Segments(subpath))
                {
                    var ruling = Line(page.Number, box, segment.From.X, segment.From.Y, segment.To.X, segment.To.Y);
                    if (ruling.IsHorizontal || ruling.IsVertical) yield return ruling;
                }
            }
        }
    }

    /// <summary>The straight segments of a subpath, its closing segment included (a stroked rectangle is four rules).</summary>
    private static IEnumerable<(PdfPoint From, PdfPoint To)> Segments(PdfSubpath subpath)
    {
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    yield return (line.From, line.To);
                    start ??= line.From;
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c && !s.Equals(c):
                    yield return (c, s);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static RulingLine Line(int page, PdfRectangle box, double x1, double y1, double x2, double y2)
    {
        var (left, right) = x1 <= x2 ? (x1, x2) : (x2, x1);
        var (top, bottom) = y1 >= y2 ? (y1, y2) : (y2, y1);
        return new RulingLine(page, left - box.Left, box.Top - top, right - box.Left, box.Top - bottom);
    }
}

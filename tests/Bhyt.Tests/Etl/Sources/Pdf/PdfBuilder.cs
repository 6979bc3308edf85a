using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bhyt.Tests.Etl.Sources.Pdf;

/// <summary>
/// Writes test PDFs with PDFsharp: paragraphs and tables, ruled (a grid) or borderless (columns by alignment), broken
/// over pages with the header repeated. Text uses DejaVu Sans, embedded, so Vietnamese diacritics survive. In a table
/// row, a null cell continues the cell on its left (a merged group header) and "^" the cell above; "\n" wraps a cell.
/// Also compiled into the benchmarks.
/// </summary>
public sealed partial class PdfBuilder
{
    private const double Margin = 50;
    private readonly PdfDocument document = new();
    private readonly XFont font;
    private readonly double size;
    private XGraphics? graphics;
    private double y;

    public PdfBuilder(double fontSize = 10)
    {
        Support.DejaVuFontResolver.Install();
        size = fontSize;
        font = new XFont("DejaVu Sans", fontSize, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        NewPage();
    }

    private double Leading => size * 1.2;
    private double PageHeight => document.Pages[^1].Height.Point;

    public PdfBuilder NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
        return this;
    }

    public PdfBuilder Paragraph(string text, double x = Margin)
    {
        if (y + Leading > PageHeight - Margin) NewPage();
        graphics!.DrawString(text, font, XBrushes.Black, new XRect(x, y, 500, Leading), XStringFormats.TopLeft);
        y += Leading * 1.6;
        return this;
    }

    /// <summary>Writes a table whose columns are <paramref name="widths"/> wide; the header repeats on each new page.</summary>
    public PdfBuilder Table(double[] widths, IReadOnlyList<string?[]> header, IReadOnlyList<string?[]> body, bool ruled)
    {
        var pad = ruled ? 3.0 : 2.5;
        DrawRows(header, widths, ruled, pad, isHeader: true);
        foreach (var row in body)
        {
            if (y + RowHeight(row, pad) > PageHeight - Margin)
            {
                NewPage();
                DrawRows(header, widths, ruled, pad, isHeader: true);
            }
            DrawRows([row], widths, ruled, pad, isHeader: false);
        }
        y += Leading;
        return this;
    }

    private double RowHeight(string?[] row, double pad) => row.Max(c => c is null or "^" ? 1 : c.Split('\n').Length) * Leading + 2 * pad;

    private void DrawRows(IReadOnlyList<string?[]> rows, double[] widths, bool ruled, double pad, bool isHeader)
    {
        var pen = new XPen(XColors.Black, 0.6);
        var g = graphics!;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var height = RowHeight(row, pad);
            var x = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                var text = row[c];
                if (ruled && (r == 0 || text != "^")) g.DrawLine(pen, x, y, x + widths[c], y);
                if (ruled && (c == 0 || text is not null)) g.DrawLine(pen, x, y, x, y + height);
                if (text is not null and not "^")
                {
                    var width = widths[c];
                    for (var k = c + 1; k < widths.Length && row[k] is null; k++) width += widths[k];
                    var lines = text.Split('\n');
                    // Headers and the numbering column centred, figures right-aligned, labels left-aligned: as Word tables usually are.
                    var format = isHeader || c == 0 ? XStringFormats.TopCenter : IsFigure(text) ? XStringFormats.TopRight : XStringFormats.TopLeft;
                    for (var l = 0; l < lines.Length; l++)
                        g.DrawString(lines[l], font, XBrushes.Black, new XRect(x + pad, y + pad + l * Leading, width - 2 * pad, Leading), format);
                }
                x += widths[c];
            }
            if (ruled) g.DrawLine(pen, x, y, x, y + height);
            y += height;
            if (ruled && r == rows.Count - 1) g.DrawLine(pen, Margin, y, x, y);
        }
    }

    public void Save(string path)
    {
        graphics?.Dispose();
        graphics = null;
        document.Save(path);
    }

    private static bool IsFigure(string text) => FigurePattern().IsMatch(text);

    [GeneratedRegex(@"^[-–]$|^[\d.,%]+$")]
    private static partial Regex FigurePattern();
}

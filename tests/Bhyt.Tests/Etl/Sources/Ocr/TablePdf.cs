using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bhyt.Tests.Etl.Sources.Ocr;

/// <summary>
/// Writes A4 PDFs holding a title and a ruled table in DejaVu Sans (PDFsharp 6.2 draws its Vietnamese letters except
/// those with two stacked marks, such as ố and ắ, whose accents it drops: fixtures avoid them in text they assert): the clean
/// original that <see cref="ScanImage"/> rasterises and degrades into a scan. Shared with the OCR benchmark.
/// </summary>
public sealed class TablePdf
{
    private const string Family = "DejaVu Sans";
    private readonly List<(IReadOnlyList<string> Lines, IReadOnlyList<IReadOnlyList<string>> Rows, double[] Widths)> pages = [];

    static TablePdf() => Support.DejaVuFontResolver.Install();

    /// <summary>Adds a page with <paramref name="lines"/> of text above a table of <paramref name="rows"/> (first row: header).</summary>
    public TablePdf Page(IReadOnlyList<string> lines, IReadOnlyList<IReadOnlyList<string>> rows, params double[] columnWidths)
    {
        pages.Add((lines, rows, columnWidths));
        return this;
    }

    /// <summary>Saves the document to <paramref name="path"/> and returns the path.</summary>
    public string Save(string path)
    {
        using var document = new PdfDocument();
        foreach (var (lines, rows, widths) in pages) Draw(document.AddPage(), lines, rows, widths);
        document.Save(path);
        return path;
    }

    private static void Draw(PdfPage page, IReadOnlyList<string> lines, IReadOnlyList<IReadOnlyList<string>> rows, double[] widths)
    {
        page.Size = PdfSharp.PageSize.A4;
        using var graphics = XGraphics.FromPdfPage(page);
        var text = new XFont(Family, 11);
        var bold = new XFont(Family, 11, XFontStyleEx.Bold);
        double y = 60;
        foreach (var line in lines)
        {
            graphics.DrawString(line, bold, XBrushes.Black, new XPoint(50, y));
            y += 20;
        }
        y += 10;
        const double rowHeight = 22;
        var pen = new XPen(XColors.Black, 0.7);
        var right = 50 + widths.Sum();
        for (var r = 0; r < rows.Count; r++)
        {
            double x = 50;
            graphics.DrawLine(pen, 50, y, right, y);
            for (var c = 0; c < rows[r].Count && c < widths.Length; c++)
            {
                var font = r == 0 ? bold : text;
                var cell = rows[r][c];
                var numeric = cell.Length > 0 && (char.IsDigit(cell[0]) || cell == "-") && c > 0;
                var width = graphics.MeasureString(cell, font).Width;
                var left = numeric ? x + widths[c] - width - 5 : x + 5;
                graphics.DrawString(cell, font, XBrushes.Black, new XPoint(left, y + 15));
                x += widths[c];
            }
            y += rowHeight;
        }
        graphics.DrawLine(pen, 50, y, right, y);
        var top = y - rows.Count * rowHeight;
        double vx = 50;
        graphics.DrawLine(pen, vx, top, vx, y);
        foreach (var w in widths) graphics.DrawLine(pen, vx += w, top, vx, y);
    }
}

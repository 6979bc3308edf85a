using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Reads scanned documents: images (.png, .jpg, .tif, multi-page TIFF included) and, through
/// <see cref="ReadScannedPdf"/>, PDFs without a text layer. Each page is OCR'd by Tesseract in Vietnamese into word
/// boxes (TSV), which become <see cref="PageWord"/>s in points with their confidence, and <see cref="WordTables"/>
/// rebuilds the lines and tables; a cell keeps its lowest word confidence (see <see cref="OcrConfidence"/>). PDF pages
/// are rasterised by pdftoppm, levelled (<see cref="ProjectionSkew"/>) and OCR'd in parallel, one process per core;
/// images are OCR'd as they are and their words levelled (<see cref="WordDeskew"/>).
/// </summary>
public sealed class OcrDocumentReader(OcrTools? tools = null, OcrSettings? settings = null) : IDocumentReader, Pdf.IScannedPageReader
{
    private readonly OcrTools tools = tools ?? OcrTools.Default;
    private readonly OcrSettings settings = settings ?? new OcrSettings();

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    /// <inheritdoc />
    /// <exception cref="UnusableInputException">The OCR tools are missing (<c>input.ocr_missing</c>) or failed on the file.</exception>
    public RawDocument Read(string path)
    {
        tools.EnsureAvailable(path, pdf: false);
        EnsureReadable(path);
        var tsv = Run(path, tools.Tesseract!, TesseractArguments(path, ImageSize.AssumedDpi(path)), "tesseract");
        var pages = TesseractTsv.Parse(tsv)
            .Select((page, i) => TesseractTsv.ToPageContent(page, i + 1, AssumedPointsPerPixel(page)))
            .ToList();
        return WordTables.Build(Path.GetFileName(path), pages);
    }

    /// <summary>Reads a PDF that has no text layer by OCR of its rasterised pages.</summary>
    /// <exception cref="UnusableInputException">The OCR tools are missing (<c>input.ocr_missing</c>) or failed on the file.</exception>
    /// <summary>The scanned pages of a PDF whose other pages have a text layer (called by <see cref="Pdf.PdfDocumentReader"/>).</summary>
    public IReadOnlyList<PageContent> Read(string path, IReadOnlyList<int> pages) => OcrPdfPages(path, pages);

    public RawDocument ReadScannedPdf(string path) => WordTables.Build(Path.GetFileName(path), OcrPdfPages(path));

    /// <summary>The words of every page of a scanned PDF (all pages, or only <paramref name="pageNumbers"/>, 1-based), in page order.</summary>
    /// <exception cref="UnusableInputException">The OCR tools are missing (<c>input.ocr_missing</c>) or failed on the file.</exception>
    public IReadOnlyList<PageContent> OcrPdfPages(string path, IReadOnlyCollection<int>? pageNumbers = null)
    {
        tools.EnsureAvailable(path, pdf: true);
        EnsureReadable(path);
        var numbers = pageNumbers?.Order().ToArray() ?? Enumerable.Range(1, PageCount(path)).ToArray();
        var folder = Directory.CreateTempSubdirectory("bhyt-ocr-").FullName;
        try
        {
            var pages = new PageContent[numbers.Length];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxProcesses) };
            Parallel.For(0, numbers.Length, options, i => pages[i] = OcrPdfPage(path, numbers[i], folder));
            return pages;
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is UnusableInputException first)
        {
            throw first;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private PageContent OcrPdfPage(string path, int page, string folder)
    {
        var dpi = settings.Dpi.ToString(CultureInfo.InvariantCulture);
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(folder, "p" + number);
        Run(path, tools.Pdftoppm!, ["-f", number, "-l", number, "-r", dpi, "-gray", "-singlefile", path, prefix], $"pdftoppm (trang {page})");
        var raster = prefix + ".pgm";
        var cellFiles = new List<string>();
        try
        {
            var (image, rulings) = Prepare(raster);
            var tsv = Run(path, tools.Tesseract!, TesseractArguments(raster, settings.Dpi), $"tesseract (trang {page})");
            var tsvPage = TesseractTsv.Parse(tsv).FirstOrDefault() ?? new TsvPage(1, 0, 0, []);
            tsvPage = CellReading.Reread(tsvPage, image, rulings, (crops, whitelist) =>
            {
                var list = Path.Combine(folder, $"p{number}-{cellFiles.Count}.txt");
                var names = crops.Select((crop, i) =>
                {
                    var name = Path.Combine(folder, $"p{number}-{cellFiles.Count}-{i}.pgm");
                    crop.WritePgm(name);
                    return name;
                }).ToList();
                cellFiles.AddRange(names);
                cellFiles.Add(list);
                File.WriteAllLines(list, names);
                List<string> arguments = [list, "stdout", "-l", settings.Languages, "--psm", "7", "--dpi", settings.Dpi.ToString(CultureInfo.InvariantCulture)];
                if (whitelist is not null) arguments.AddRange(["-c", "tessedit_char_whitelist=" + whitelist]);
                arguments.Add("tsv");
                var pages = TesseractTsv.Parse(Run(path, tools.Tesseract!, arguments, $"tesseract (ô bảng, trang {page})"));
                return pages;
            });
            var scale = 72.0 / settings.Dpi;
            return TesseractTsv.ToPageContent(tsvPage, page, scale) with
            {
                Rulings = rulings.Select(r => new RulingLine(page, r.X1 * scale, r.Y1 * scale, r.X2 * scale, r.Y2 * scale)).ToList(),
            };
        }
        finally
        {
            File.Delete(raster);
            foreach (var file in cellFiles) File.Delete(file);
        }
    }

    /// <summary>
    /// Levels the raster when the page is tilted enough to hurt recognition and whitens its ruling lines, rewriting
    /// it in place; returns the prepared image and its rulings (pixels).
    /// </summary>
    private (GrayImage Image, IReadOnlyList<Ruling> Rulings) Prepare(string raster)
    {
        var image = GrayImage.ReadPgm(raster);
        var tilt = ProjectionSkew.Estimate(image);
        if (Math.Abs(tilt) >= settings.MinimumTilt) image = image.Levelled(tilt);
        image.Despeckle();
        var rulings = RulingErasure.EraseWithThickness(image, settings.Dpi);
        image.WritePgm(raster);
        return (image, rulings);
    }

    private List<string> TesseractArguments(string image, int? dpi)
    {
        List<string> arguments = [image, "stdout", "-l", settings.Languages, "--psm", settings.PageSegmentation.ToString(CultureInfo.InvariantCulture)];
        if (dpi is { } d) arguments.AddRange(["--dpi", d.ToString(CultureInfo.InvariantCulture)]);
        arguments.Add("tsv");
        return arguments;
    }

    private int PageCount(string path)
    {
        var info = Run(path, tools.Pdfinfo!, [path], "pdfinfo");
        var line = info.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return line is not null && int.TryParse(line["Pages:".Length..].Trim(), out var count) ? count
            : throw new UnusableInputException($"{Path.GetFileName(path)}: không đọc được số trang của tệp PDF [input.corrupt]");
    }

    private string Run(string path, string program, IReadOnlyList<string> arguments, string what)
    {
        try
        {
            return OcrProcess.Run(program, arguments, settings.PageTimeout, what);
        }
        catch (OcrProcessException e)
        {
            throw new UnusableInputException($"{Path.GetFileName(path)}: không nhận dạng được chữ (OCR) — {e.Message} [input.ocr_failed]");
        }
    }

    private static void EnsureReadable(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
        }
        catch (Exception e) when (UnreadableDocument.From(path, e, "ảnh") is { } unreadable)
        {
            throw unreadable;
        }
    }

    /// <summary>An image carries no page size we can trust, so its longer side is taken for A4's (842 pt).</summary>
    private static double AssumedPointsPerPixel(TsvPage page) => 842.0 / Math.Max(1, Math.Max(page.Width, page.Height));
}

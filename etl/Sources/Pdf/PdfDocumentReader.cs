using Bhyt.Etl.Import;
using Bhyt.Etl.Sources.Layout;
using UglyToad.PdfPig;

namespace Bhyt.Etl.Sources.Pdf;

/// <summary>
/// Reads a PDF's text layer with PdfPig: every page's words and ruling lines (<see cref="PdfPageReader"/>), then
/// paragraphs and tables rebuilt by <see cref="WordTables"/>. Pages without a text layer (scans) go to the
/// <see cref="IScannedPageReader"/> when one is given; without one, a scanned PDF is refused with a message that says so.
/// </summary>
public sealed class PdfDocumentReader(IScannedPageReader? scans = null) : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public RawDocument Read(string path)
    {
        var pdf = ReadPages(path);
        var fileName = Path.GetFileName(path);
        if (pdf.Scanned.Count == 0) return WordTables.Build(fileName, pdf.Pages);
        if (scans is null)
        {
            if (!pdf.IsScan) return WordTables.Build(fileName, pdf.Pages);
            throw new UnusableInputException(
                $"{fileName}: tệp PDF là bản quét, không có lớp chữ (trang {string.Join(", ", pdf.Scanned)}); cần nhận dạng chữ (OCR) để đọc [input.scanned_pdf]");
        }
        var recognised = scans.Read(path, pdf.Scanned).ToDictionary(p => p.Page);
        return WordTables.Build(fileName, pdf.Pages.Select(p => recognised.GetValueOrDefault(p.Page) ?? p).ToList());
    }

    /// <summary>
    /// The text layer of every page of the PDF at <paramref name="path"/>, and which pages are scans (an image, no text).
    /// </summary>
    /// <exception cref="UnusableInputException">The file is not a readable PDF.</exception>
    public static PdfPages ReadPages(string path)
    {
        try
        {
            // PdfPig documents are not thread-safe: each worker opens its own over the same bytes and reads every
            // worker-count-th page, so a long document reads on every core.
            var bytes = File.ReadAllBytes(path);
            int count;
            using (var first = PdfDocument.Open(bytes, Options)) count = first.NumberOfPages;
            var pages = new PageContent[count];
            var scanned = new bool[count];
            var workers = Math.Clamp(count / 8, 1, Environment.ProcessorCount);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                using var document = PdfDocument.Open(bytes, Options);
                for (var number = worker + 1; number <= count; number += workers)
                {
                    var page = document.GetPage(number);
                    pages[number - 1] = PdfPageReader.Read(page);
                    scanned[number - 1] = pages[number - 1].Words.Count == 0 && page.NumberOfImages > 0;
                }
            });
            return new PdfPages(pages, Enumerable.Range(1, count).Where(n => scanned[n - 1]).ToList());
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1 && error.InnerException is not null)
        {
            throw Unusable(path, error.InnerException);
        }
        catch (Exception error) when (error is not UnusableInputException and not OutOfMemoryException)
        {
            throw Unusable(path, error);
        }
    }

    private static readonly ParsingOptions Options = new() { UseLenientParsing = true, SkipMissingFonts = true };

    private static Exception Unusable(string path, Exception error)
    {
        if (error is UnusableInputException or OutOfMemoryException) return error;
        if (error is IOException or UnauthorizedAccessException)
            return new UnusableInputException($"{Path.GetFileName(path)}: không đọc được tệp: {error.Message} [input.unreadable]");
        // PdfPig reports a damaged or non-PDF file with assorted exception types (PdfDocumentFormatException and others).
        return new UnusableInputException($"{Path.GetFileName(path)}: không phải tệp PDF hợp lệ (tệp hỏng hoặc sai phần mở rộng): {error.Message} [input.corrupt]");
    }
}

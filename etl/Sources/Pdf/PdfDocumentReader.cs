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
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new List<PageContent>(document.NumberOfPages);
            var scanned = new List<int>();
            foreach (var page in document.GetPages())
            {
                var content = PdfPageReader.Read(page);
                pages.Add(content);
                if (content.Words.Count == 0 && page.NumberOfImages > 0) scanned.Add(page.Number);
            }
            return new PdfPages(pages, scanned);
        }
        catch (Exception error) when (error is not UnusableInputException)
        {
            if (error is IOException or UnauthorizedAccessException)
                throw new UnusableInputException($"{Path.GetFileName(path)}: không đọc được tệp: {error.Message} [input.unreadable]");
            if (error is OutOfMemoryException or StackOverflowException) throw;
            // PdfPig reports a damaged or non-PDF file with assorted exception types (PdfDocumentFormatException and others).
            throw new UnusableInputException($"{Path.GetFileName(path)}: không phải tệp PDF hợp lệ (tệp hỏng hoặc sai phần mở rộng): {error.Message} [input.corrupt]");
        }
    }
}

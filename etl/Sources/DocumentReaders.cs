using Bhyt.Etl.Sources.Ocr;

namespace Bhyt.Etl.Sources;

/// <summary>
/// The report document readers, chosen by file extension (case-insensitive). A new reader is added to
/// <see cref="All"/> and nowhere else: <see cref="Import.ImportKinds"/> takes the report extensions from here.
/// </summary>
public static class DocumentReaders
{
    /// <summary>Every report document reader.</summary>
    public static IReadOnlyList<IDocumentReader> All { get; } =
        [new TextDocumentReader(), new DocxDocumentReader(), new XlsxDocumentReader(), new Pdf.PdfDocumentReader(new OcrDocumentReader()), new OcrDocumentReader()];

    /// <summary>The reader for the file's extension, or null when no reader takes it.</summary>
    public static IDocumentReader? For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension.Length == 0 ? null : All.FirstOrDefault(r => r.Extensions.Contains(extension));
    }
}

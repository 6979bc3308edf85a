using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Etl.Sources.Pdf;

/// <summary>
/// Recognises the words of PDF pages that have no text layer (scans), e.g. by rasterising and OCR. Given to
/// <see cref="PdfDocumentReader"/>, it turns a scanned or partly scanned PDF into the same positioned words as a text PDF.
/// </summary>
public interface IScannedPageReader
{
    /// <summary>
    /// The words of <paramref name="pages"/> (1-based page numbers) of the PDF at <paramref name="path"/>, one
    /// <see cref="PageContent"/> per page, in points from the page's top-left corner, with OCR confidences.
    /// </summary>
    /// <exception cref="Import.UnusableInputException">The pages cannot be recognised (e.g. the OCR engine is missing).</exception>
    IReadOnlyList<PageContent> Read(string path, IReadOnlyList<int> pages);
}

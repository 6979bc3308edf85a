using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Etl.Sources.Pdf;

/// <summary>
/// A PDF's pages as its text layer gives them. <see cref="Scanned"/> lists the pages (1-based) that hold an image but
/// no text: scans, whose words must come from OCR. Blank pages are in neither list's way: they have no words and no image.
/// </summary>
public sealed record PdfPages(IReadOnlyList<PageContent> Pages, IReadOnlyList<int> Scanned)
{
    /// <summary>True when no page has a text layer but some page is a scan: the whole document needs OCR.</summary>
    public bool IsScan => Scanned.Count > 0 && Pages.All(p => p.Words.Count == 0);
}

namespace Bhyt.Etl.Sources;

/// <summary>
/// A report document as read, before any interpretation: its paragraphs (for the title and the reporting
/// unit) and its tables as rows of cell texts. Readers of .md/.txt, .docx and .xlsx all produce this.
/// </summary>
public sealed record RawDocument(string FileName, IReadOnlyList<RawParagraph> Paragraphs, IReadOnlyList<RawTable> Tables)
{
    /// <summary>
    /// No paragraph or cell of a report comes near it. Tables and figures are searched for at a cost that grows faster
    /// than the text: a megabyte in one paragraph held an import for minutes, so longer text is refused.
    /// </summary>
    public const int MaxTextChars = 1 << 16;

    /// <summary>Where the first paragraph or cell longer than <see cref="MaxTextChars"/> is ("đoạn 3", "bảng 1, dòng 2"), or null.</summary>
    public string? TooLongTextAt() =>
        Paragraphs.FirstOrDefault(p => p.Text.Length > MaxTextChars) is { } paragraph ? $"đoạn {paragraph.Line}"
        : Tables.SelectMany(t => t.Rows.Where(r => r.Cells.Any(c => c.Length > MaxTextChars)).Select(r => $"bảng {t.Index + 1}, dòng {r.Line}")).FirstOrDefault();

    /// <summary>The <c>encoding.detected</c> warning when the reader converted legacy-encoded text (a TCVN3 or VNI font, a Windows-1258 file).</summary>
    public Validation.ValidationIssue? EncodingNotice { get; init; }

    /// <summary>
    /// What the reader saw but did not read, for the import report: a hidden worksheet (a warning), a formula saved
    /// without its result (an error: the figure the sheet shows is not in the file).
    /// </summary>
    public IReadOnlyList<Validation.ValidationIssue> ReaderIssues { get; init; } = [];
}

/// <summary>One paragraph (or heading) of running text, with the line (text) or paragraph number (docx) it starts at.</summary>
public sealed record RawParagraph(int Line, string Text);

/// <summary>
/// One table. <see cref="Title"/> is the nearest heading or paragraph before it (e.g. "2.1. Tỷ lệ bao phủ BHYT");
/// <see cref="Sheet"/> names the worksheet for .xlsx. <see cref="Layout"/> says how the reader found the table
/// (<c>docx</c>, <c>xlsx</c>, <c>tab</c>, <c>pipe</c>, <c>lattice</c>, <c>stream</c>, <c>aligned</c>, <c>flattened</c>…),
/// for <c>--explain</c>; <see cref="Page"/> is the first page of a PDF or scanned table (1-based).
/// </summary>
public sealed record RawTable(int Index, string? Title, string? Sheet, IReadOnlyList<RawRow> Rows)
{
    public string? Layout { get; init; }
    public int? Page { get; init; }

    /// <summary>How cleanly a PDF or scanned table was rebuilt (0–1: the share of body rows filling as many cells as most), for <c>--explain</c>.</summary>
    public double? Quality { get; init; }
}

/// <summary>
/// One table row. <see cref="Line"/> is the 1-based line of a text file or row of a sheet, or the row number
/// within the table for .docx; cells keep their text as written (markup included), in column order, with
/// merged cells repeated in every column they span.
/// </summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// Where each cell stands on its page, for PDF and scanned tables (null for other readers, or for a cell without
    /// words): page, bounding box in points from the page's top-left corner, and the OCR confidence (0–100) when the
    /// words were recognised from an image.
    /// </summary>
    public IReadOnlyList<CellBox?>? Boxes { get; init; }
}

/// <summary>A cell's place on a page (PDF points, origin top-left) and, for OCR'd words, the lowest word confidence (0–100).</summary>
public sealed record CellBox(int Page, double Left, double Top, double Right, double Bottom, double? Confidence = null)
{
    /// <summary>"trang 2, (72; 140)–(210; 152)" — kept as a figure's source location.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"trang {Page}, ({Left:0};{Top:0})–({Right:0};{Bottom:0})") + (Confidence is { } c ? FormattableString.Invariant($", OCR {c:0}%") : "");
}

namespace Bhyt.Etl.Sources;

/// <summary>
/// A report document as read, before any interpretation: its paragraphs (for the title and the reporting
/// unit) and its tables as rows of cell texts. Readers of .md/.txt, .docx and .xlsx all produce this.
/// </summary>
public sealed record RawDocument(string FileName, IReadOnlyList<RawParagraph> Paragraphs, IReadOnlyList<RawTable> Tables);

/// <summary>One paragraph (or heading) of running text, with the line (text) or paragraph number (docx) it starts at.</summary>
public sealed record RawParagraph(int Line, string Text);

/// <summary>
/// One table. <see cref="Title"/> is the nearest heading or paragraph before it (e.g. "2.1. Tỷ lệ bao phủ BHYT");
/// <see cref="Sheet"/> names the worksheet for .xlsx.
/// </summary>
public sealed record RawTable(int Index, string? Title, string? Sheet, IReadOnlyList<RawRow> Rows);

/// <summary>
/// One table row. <see cref="Line"/> is the 1-based line of a text file or row of a sheet, or the row number
/// within the table for .docx; cells keep their text as written (markup included), in column order, with
/// merged cells repeated in every column they span.
/// </summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells);

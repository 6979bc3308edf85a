using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Writes an <see cref="AnnexBook"/> as a Word document: A4 landscape, real tables with the header rows repeated on every
/// page and the period cell merged over "Kế hoạch | Thực hiện", "-" in every cell without a figure, each figure's source
/// as a footnote, and the validation warnings on a table's figures listed under it. A blank book gets a note row per
/// table and its hidden marker (<see cref="AnnexMarker"/>) as a custom XML part.
/// </summary>
public static class AnnexWordWriter
{
    private const string Font = "Times New Roman";
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 850;
    private const int TextWidth = PageWidth - 2 * Margin;

    public static void Write(AnnexBook book, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var footnotes = new AnnexFootnotes(main.AddNewPart<FootnotesPart>());
        var body = new Body();
        body.Append(Paragraph(book.Title, bold: true, center: true, size: 28));
        body.Append(Paragraph($"Tên đơn vị: {book.Unit.Name}.", bold: true, center: true));
        body.Append(Paragraph($"Kỳ báo cáo: {book.PeriodList}.", center: true));
        body.Append(Paragraph(book.Blank
            ? "Điền số liệu vào các ô trống (số theo cách viết Việt Nam, ví dụ 131.408 hoặc 60,85); ô không có số liệu để trống hoặc ghi \"-\". Không sửa số thứ tự, tên dòng, đơn vị tính."
            : $"Lập từ kho dữ liệu BHYT ngày {book.Written:dd/MM/yyyy}. Nguồn của từng số liệu ghi ở chú thích cuối trang; ô \"-\" là không có số liệu.", italic: true));

        var marked = new List<MarkedTable>();
        for (var i = 0; i < book.Tables.Count; i++)
        {
            var table = book.Tables[i];
            body.Append(Paragraph(table.Title, bold: true, keepNext: true));
            body.Append(AnnexWordTable.Build(table, book.Blank, footnotes));
            if (book.Blank) marked.Add(AnnexLayout.Marked(table, i, null, headerLine: 1));
            foreach (var paragraph in Warnings(table)) body.Append(paragraph);
        }
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 425, Footer = 425, Gutter = 0 }));
        main.Document = new Document(body);
        footnotes.Save();
        if (book.Blank) AnnexMarkerPart.Write(main, new AnnexMarker(book.Unit.Code, marked));
        main.Document.Save();
    }

    /// <summary>Text width of the page in twentieths of a point, shared by the table grid.</summary>
    internal static int Width => TextWidth;

    private static IEnumerable<Paragraph> Warnings(AnnexTable table)
    {
        if (table.Warnings.Count == 0) yield break;
        yield return Paragraph($"Cảnh báo kiểm tra số liệu của bảng trên ({table.Warnings.Count}):", italic: true);
        foreach (var warning in table.Warnings) yield return Paragraph("– " + warning, size: 20);
    }

    internal static Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool center = false, int size = 24, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext) properties.Append(new KeepNext());
        properties.Append(new SpacingBetweenLines { Before = "60", After = "60" });
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(properties, Run(text, bold, italic, size));
    }

    internal static Run Run(string text, bool bold = false, bool italic = false, int size = 24)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}

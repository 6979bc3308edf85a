using System.IO.Compression;
using Bhyt.Tests.Etl.Sources;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Bhyt.Tests.Etl.Import.Corpus.CorpusBytes;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>
/// Malformed report documents (.docx, .xlsx, .pdf, .txt/.md, and an .html no reader takes), around one commune table of
/// Tuyên Quang city: participants, population and coverage rate at the end of 2019.
/// </summary>
internal static class ReportDocumentCorpus
{
    private const string Title = "Kế hoạch thực hiện mục tiêu bao phủ bảo hiểm y tế trên địa bàn thành phố Tuyên Quang đến năm 2020";

    private static void Docx(string path, string participants = "4.980", string rate = "99,4", string period = "Đến hết năm 2019") =>
        new DocxBuilder()
            .Paragraph(Title)
            .Paragraph("BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG")
            .Table(
                Row(MergeStart("STT"), MergeStart("Xã, phường"), Cell(period, span: 3)),
                Row(MergeContinue(), MergeContinue(), Cell("Số người đã tham gia BHYT (người)"), Cell("Dân số"), Cell("Tỷ lệ (%)")),
                Row(Cell("1"), Cell("Phường Ỷ La"), Cell(participants), Cell("5.010"), Cell(rate)),
                Row(Cell("2"), Cell("Xã Tràng Đà"), Cell("5.679"), Cell("5.721"), Cell("99,3")))
            .Save(path);

    private static byte[] DocxBytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            Docx(path);
            return File.ReadAllBytes(path);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The commune table of <see cref="Docx"/> on a sheet: the period merged over the three figure columns.</summary>
    private static XlsxBuilder Workbook(string sheet = "Phụ lục 4", double participants = 4980) => new XlsxBuilder().Sheet(sheet)
        .Text("A1", Title)
        .Text("A2", "STT").Text("B2", "Xã, phường").Text("C2", "Đến hết năm 2019").Merge("A2:A3").Merge("B2:B3").Merge("C2:E2")
        .Text("C3", "Số người đã tham gia BHYT (người)").Text("D3", "Dân số").Text("E3", "Tỷ lệ (%)")
        .Text("A4", "1").Text("B4", "Phường Ỷ La").Number("C4", participants).Number("D4", 5010).Number("E4", 99.4)
        .Text("A5", "2").Text("B5", "Xã Tràng Đà").Number("C5", 5679).Number("D5", 5721).Number("E5", 99.3);

    private static byte[] XlsxBytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            Workbook().Save(path);
            return File.ReadAllBytes(path);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The workbook with its first sheet hidden (<c>state="hidden"</c>) behind a visible one holding the same table.</summary>
    private static void HiddenSheet(string path)
    {
        var older = Workbook("Số cũ", participants: 4000);
        Workbook().Merge("A1:E1").Save(path);
        older.Save(path + ".older");
        // The older sheet goes first and hidden: copied into the workbook as its first sheet.
        using (var source = SpreadsheetDocument.Open(path + ".older", isEditable: false))
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var part = workbook.AddPart(source.WorkbookPart!.WorksheetParts.Single());
            workbook.Workbook!.Sheets!.PrependChild(new Sheet { Name = "Số cũ", SheetId = 9, Id = workbook.GetIdOfPart(part), State = SheetStateValues.Hidden });
        }
        File.Delete(path + ".older");
    }

    /// <summary>A sheet whose totals are formulas Excel never calculated (saved by a script: no cached value).</summary>
    private static void UncachedFormulas(string path)
    {
        Workbook().Text("B6", "Cộng").Formula("C6", "SUM(C4:C5)", 0).Formula("D6", "SUM(D4:D5)", 0).Save(path);
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        foreach (var cell in document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().Where(c => c.CellFormula is not null))
            cell.CellValue = null;
    }

    private static void MacroEnabledAsXlsx(string path)
    {
        var plain = Path.GetTempFileName();
        try
        {
            Workbook().Save(plain);
            using (var document = SpreadsheetDocument.Open(plain, isEditable: true)) document.ChangeDocumentType(DocumentFormat.OpenXml.SpreadsheetDocumentType.MacroEnabledWorkbook);
            File.Copy(plain, path, overwrite: true);
        }
        finally { File.Delete(plain); }
    }

    /// <summary>document.xml of <paramref name="depth"/> nested elements inside one paragraph.</summary>
    private static byte[] DeeplyNestedDocx(int depth)
    {
        var nesting = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));
        return OfficeZip("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + nesting + "</w:body></w:document>");
    }

    /// <summary>A minimal Word package around one main part.</summary>
    private static byte[] OfficeZip(string part, string xml) => Zip(
        ("[Content_Types].xml", Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")),
        ("_rels/.rels", Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")),
        (part, Utf8(xml)));

    /// <summary>A Word package whose document.xml inflates to <paramref name="megabytes"/> MB of spaces.</summary>
    private static byte[] DocxBomb(int megabytes)
    {
        var zip = new MemoryStream();
        var source = DocxBytes();
        using (var archive = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var target = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in archive.Entries)
            {
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                using (var from = entry.Open()) from.CopyTo(to);
                if (entry.FullName != "word/document.xml") continue;
                var spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (var i = 0; i < megabytes; i++) to.Write(spaces);
            }
        return zip.ToArray();
    }

    private static byte[] Pdf()
    {
        Support.DejaVuFontResolver.Install();
        var path = Path.GetTempFileName();
        try
        {
            var document = new PdfSharp.Pdf.PdfDocument();
            var page = document.AddPage();
            using (var graphics = PdfSharp.Drawing.XGraphics.FromPdfPage(page))
                graphics.DrawString(Title, new PdfSharp.Drawing.XFont("DejaVu Sans", 10), PdfSharp.Drawing.XBrushes.Black, 40, 60);
            document.Save(path);
            return File.ReadAllBytes(path);
        }
        finally { File.Delete(path); }
    }

    private static string PipeTable(params string[] rows) =>
        $"{Title}\n\n| STT | Xã, phường | Đến hết năm 2019 | Đến hết năm 2019 | Đến hết năm 2019 |\n|---|---|---|---|---|\n" +
        "|  |  | Số người đã tham gia BHYT (người) | Dân số | Tỷ lệ (%) |\n" + string.Join("\n", rows) + "\n";

    private static Action<string> Bytes(byte[] bytes) => path => File.WriteAllBytes(path, bytes);

    public static IEnumerable<MalformedCase> Cases =>
    [
        new("rep_good.docx", "a well-formed commune table (the shape the others break)", path => Docx(path), Outcome.Loaded, Loaded: 6),
        new("rep_truncated.docx", "a .docx cut at 60 %", Bytes(Truncated(DocxBytes(), 0.6)), Outcome.Refused, "input.corrupt"),
        new("rep_text_renamed.docx", "plain text renamed .docx", Bytes(Utf8(Title)), Outcome.Refused, "input.corrupt"),
        new("rep_zero_bytes.docx", "an empty .docx", Bytes([]), Outcome.Refused, "input.corrupt"),
        new("rep_xlsx_renamed.docx", "a workbook renamed .docx", Bytes(XlsxBytes()), Outcome.Refused, "input.corrupt"),
        new("rep_encrypted.docx", "a password-protected Word file (CFB, not a zip)", Bytes(EncryptedOffice(41)), Outcome.Refused, "input.encrypted"),
        new("rep_encrypted.xlsx", "a password-protected workbook (CFB, not a zip)", Bytes(EncryptedOffice(42)), Outcome.Refused, "input.encrypted"),
        new("rep_macro.docm", "a macro-enabled Word file", Bytes(DocxBytes()), Outcome.Refused, "input.format"),
        new("rep_macro.xlsm", "a macro-enabled workbook", Bytes(XlsxBytes()), Outcome.Refused, "input.format"),
        new("rep_macro_enabled_named.xlsx", "a macro-enabled workbook saved as .xlsx (macros are never run)", MacroEnabledAsXlsx, Outcome.Loaded, Loaded: 6),
        new("rep_deeply_nested.docx", "document.xml nested 100 000 deep", Bytes(DeeplyNestedDocx(100_000)), Outcome.Refused, "input.depth"),
        new("rep_bomb.docx", "document.xml inflating 40 MB of spaces", Bytes(DocxBomb(40)), Outcome.Refused, "input.bomb"),
        new("rep_number_1.2.3.docx", "participants 1.2.3", path => Docx(path, participants: "1.2.3"), Outcome.Rejected, "value.unparseable"),
        new("rep_negative.docx", "minus 4 980 participants", path => Docx(path, participants: "-4.980"), Outcome.Rejected, "value.negative"),
        new("rep_rate_250.docx", "a coverage rate of 250 %", path => Docx(path, rate: "250"), Outcome.Rejected, "value.above_100"),
        new("rep_date_31_02.docx", "a period column 'Đến 31/02/2019'", path => Docx(path, period: "Đến 31/02/2019"), Outcome.Empty),
        new("rep_truncated.xlsx", "a workbook cut at 70 %", Bytes(Truncated(XlsxBytes(), 0.7)), Outcome.Refused, "input.corrupt"),
        new("rep_formulas_cached.xlsx", "totals as formulas with Excel's cached values", path => Workbook().Text("B6", "Cộng")
            .Formula("C6", "SUM(C4:C5)", 10659).Formula("D6", "SUM(D4:D5)", 10731).Save(path), Outcome.Loaded, Loaded: 8),
        new("rep_formulas_uncached.xlsx", "totals as formulas never calculated", UncachedFormulas, Outcome.Rejected, "xlsx.formula_uncached", "trang tính 'Phụ lục 4', ô C6"),
        new("rep_merged_hidden_sheet.xlsx", "a merged title and a hidden sheet of older figures", HiddenSheet, Outcome.Loaded, "xlsx.hidden_sheet", "trang tính 'Số cũ'", Loaded: 6),
        new("rep_truncated.pdf", "a PDF cut at half", Bytes(Truncated(Pdf(), 0.5)), Outcome.Refused, "input.corrupt"),
        new("rep_text_renamed.pdf", "plain text renamed .pdf", Bytes(Utf8(Title)), Outcome.Refused, "input.corrupt"),
        new("rep_page.html", "an HTML page (no reader takes .html)", Bytes(Utf8($"<html><body><p>{Title}</p></body></html>")), Outcome.Refused, "input.format"),
        new("rep_utf16.md", "a pipe table in UTF-16 with BOM", Bytes(Utf16(PipeTable("| 1 | Phường Ỷ La | 4.980 | 5.010 | 99,4 |", "| 2 | Xã Tràng Đà | 5.679 | 5.721 | 99,3 |"))),
            Outcome.Loaded, Loaded: 6),
        new("rep_ragged.md", "a pipe table whose second row has a cell too few", Bytes(Utf8(PipeTable("| 1 | Phường Ỷ La | 4.980 | 5.010 | 99,4 |", "| 2 | Xã Tràng Đà | 5.679 | 5.721 |"))),
            Outcome.Loaded, Loaded: 5),
        new("rep_binary.txt", "binary junk named .txt", Bytes(Junk(8192, 51)), Outcome.Refused, "encoding.undecided"),
        new("rep_huge_line.txt", "one line of 3 MB of digits after the title", Bytes(Utf8(Title + "\n" + new string('9', 3 << 20) + "\n")), Outcome.Refused, "input.line_too_long"),
        new("rep_zero_bytes.txt", "an empty text file", Bytes([]), Outcome.Empty),
        new("rep_huge_paragraph.docx", "a paragraph of 1 MB of digits before the table", path => new DocxBuilder().Paragraph(Title)
            .Paragraph(new string('9', 1 << 20)).Save(path), Outcome.Refused, "input.paragraph_too_long"),
    ];
}

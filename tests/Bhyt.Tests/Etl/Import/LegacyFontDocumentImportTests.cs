using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Tests.Etl.Parsing.Encodings;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Tests.Etl.Import;

/// <summary>Word and Excel reports typed in legacy fonts (.VnTime/.VnTimeH in TCVN3, VNI-Times in VNI), end to end.</summary>
public class LegacyFontDocumentImportTests
{
    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path, string? unit = null) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, unit), null, CancellationToken.None);

    [Fact]
    public async Task ImportAsync_docx_typed_in_VnTime_loads_the_communes_with_their_vietnamese_names()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "giao_chi_tieu_tcvn3.docx");
        new DocxBuilder()
            .Paragraph(VnTime("Kế hoạch thực hiện mục tiêu bao phủ bảo hiểm y tế trên địa bàn thành phố Tuyên Quang đến năm 2020"))
            .Paragraph(VnTime("BIỂU GIAO CHỈ TIÊU ĐỐI VỚI CÁC XÃ, PHƯỜNG"))
            .Table(
                DocxBuilder.Row(Merged("STT"), Merged("Xã, phường"), DocxBuilder.Cell(3, new W.Paragraph(VnTime("Đến hết năm 2019")))),
                DocxBuilder.Row(DocxBuilder.MergeContinue(), DocxBuilder.MergeContinue(), VnCell("Số người đã tham gia BHYT (người)"), VnCell("Dân số"), VnCell("Tỷ lệ (%)")),
                DocxBuilder.Row(VnCell("1"), VnCell("Phường Ỷ La"), VnCell("4.980"), VnCell("5.010"), VnCell("99,4")),
                DocxBuilder.Row(VnCell("2"), VnCell("Xã Tràng Đà"), VnCell("5.679"), VnCell("5.721"), VnCell("99,3")),
                DocxBuilder.Row(VnCell(""), VnCell("Cộng"), VnCell("10.659"), VnCell("10.731"), VnCell("99,3")))
            .Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(4980m, await warehouse.Engine.ValueAsync("02215", "2019-12-31", "cov_participants", "target"));
        Assert.Equal(5721m, await warehouse.Engine.ValueAsync("02209", "2019-12-31", "cov_population", "target"));
        Assert.Contains(result.Issues, i => i.Rule == EncodingIssue.Detected && i.Message.Contains("TCVN3"));
    }

    [Fact]
    public async Task ImportAsync_xlsx_with_VNI_Times_cells_loads_the_indicator_and_says_VNI()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "bao_cao_vni.xlsx");
        SaveVniWorkbook(path,
            ("A1", "Tỷ lệ bao phủ BHYT"),
            ("A2", "STT"), ("B2", "Chỉ tiêu"), ("C2", "Năm 2021"), ("D2", "Năm 2022"),
            ("A3", "1"), ("B3", "Tổng số người dân tham gia BHYT"), ("C3", 215000), ("D3", 218500));

        var result = await ImportAsync(warehouse, path, unit: "672");

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(218500m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
        Assert.Contains(result.Issues, i => i.Rule == EncodingIssue.Detected && i.Message.Contains("VNI"));
    }

    [Fact]
    public void Read_xlsx_cells_in_VNI_font_are_converted_but_unicode_typed_in_that_font_is_left_alone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vni-{Guid.NewGuid():N}.xlsx");
        try
        {
            SaveVniWorkbook(path, ("A1", "Tỷ lệ bao phủ BHYT"), ("A2", "Xã Tà Nung"), ("B2", new UnicodeText("Phường 1")), ("C2", 12));

            var document = Bhyt.Etl.Sources.DocumentReaders.For(path)!.Read(path);

            var cells = document.Paragraphs.Select(p => p.Text).Concat(document.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells)).ToList();
            Assert.Contains("Tỷ lệ bao phủ BHYT", cells);
            Assert.Contains("Xã Tà Nung", cells);
            Assert.Contains("Phường 1", cells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Text a user typed in Unicode into a cell that kept its VNI font.</summary>
    private sealed record UnicodeText(string Text);

    /// <summary>Runs as a .VnTime typist made them: toned capitals, which the text font lacks, in the capitals font .VnTimeH.</summary>
    private static W.Run[] VnTime(string text)
    {
        var runs = new List<W.Run>();
        foreach (var piece in Pieces(text))
        {
            var capitals = piece.Any(NeedsCapitalsFont);
            var bytes = LegacyTable.Tcvn3.Encode(capitals ? piece.ToLower(CultureInfo.GetCultureInfo("vi-VN")) : piece);
            var font = capitals ? ".VnTimeH" : ".VnTime";
            runs.Add(new W.Run(new W.RunProperties(new W.RunFonts { Ascii = font, HighAnsi = font }),
                new W.Text(LegacyBytes.AsFontText(bytes)) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return [.. runs];
    }

    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
            if (i == text.Length || NeedsCapitalsFont(text[i]) != NeedsCapitalsFont(text[i - 1]))
            {
                yield return text[start..i];
                start = i;
            }
    }

    private static bool NeedsCapitalsFont(char c) => c > 0x7F && !LegacyTable.Tcvn3.Letters.Contains(c);

    private static W.TableCell VnCell(string text) => DocxBuilder.Cell(text.Length == 0 ? new W.Paragraph() : new W.Paragraph(VnTime(text)));

    private static W.TableCell Merged(string text) =>
        new(new W.TableCellProperties(new W.VerticalMerge { Val = W.MergedCellValues.Restart }), new W.Paragraph(VnTime(text)));

    /// <summary>A one-sheet workbook whose text cells are in VNI-Times (cell style 1), the title as a rich-text run in VNI-Helve.</summary>
    private static void SaveVniWorkbook(string path, params (string Reference, object Value)[] cells)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontName { Val = "Calibri" }), new Font(new FontName { Val = "VNI-Times" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
            new Borders(new Border()),
            new CellFormats(new CellFormat { FontId = 0 }, new CellFormat { FontId = 1, ApplyFont = true }));
        var strings = new SharedStringTable();
        var rows = new SheetData();
        foreach (var (reference, value) in cells)
        {
            var rowIndex = uint.Parse(new string(reference.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
            var row = rows.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowIndex) ?? rows.AppendChild(new Row { RowIndex = rowIndex });
            if (value is string or UnicodeText)
            {
                var text = value as string ?? ((UnicodeText)value).Text;
                var vni = value is UnicodeText ? text : LegacyBytes.AsFontText(LegacyTable.Vni.Encode(text));
                strings.Append(reference == "A1" && text.StartsWith("Tỷ", StringComparison.Ordinal)
                    ? new SharedStringItem(new Run(new RunProperties(new RunFont { Val = "VNI-Helve" }), new Text(vni)))
                    : new SharedStringItem(new Text(vni)));
                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = 1,
                    CellValue = new CellValue((strings.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture)) });
            }
            else
                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)) });
        }
        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(rows);
        workbook.Workbook.Sheets!.Append(new Sheet { Name = "Phụ lục 4", SheetId = 1, Id = workbook.GetIdOfPart(part) });
    }
}

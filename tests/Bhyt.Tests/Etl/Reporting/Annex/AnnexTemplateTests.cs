using System.Globalization;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Tests.Etl.Reporting.Annex;

/// <summary>Blank templates for Đà Lạt's wards: filled the way a ward would (in Word or Excel), imported by their marker, revised.</summary>
public sealed class AnnexTemplateTests
{
    private static readonly AnnexRequest WardTemplates =
        new(AnnexTestData.DaLat, AnnexPeriods.Parse("2023,2024"), AnnexForms.Select([4, 5]), Blank: true, Children: true);

    [Fact]
    public async Task Import_filledWordTemplateForDaLatWards_loadsEveryWardsFiguresAndTheNote()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var file = await AnnexTestData.ExportAsync(warehouse, WardTemplates, AnnexFormat.Word, "bieu-mau-phuong");
        var marker = AnnexMarkerPart.Find(file)!;
        Assert.Equal(32, marker.Tables.Count);
        using (var blank = WordprocessingDocument.Open(file, false)) Assert.Empty(new OpenXmlValidator().Validate(blank));
        var expected = FillWord(file, marker, (table, row, column) => Value(table, row, column));
        WriteWordNote(file, marker.Tables[0], "Số liệu phường ước tính đến 30/11.");

        var result = await AnnexTestData.ImportAsync(warehouse, file);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Contains("Số liệu phường ước tính đến 30/11.", result.Submission.Message);
        var stored = await warehouse.Engine.QueryAsync<(string Unit, string Period, string Indicator, decimal Value)>(
            "SELECT unit_code, period_label, indicator_code, value FROM rpt.indicator_values WHERE source = 'submission'");
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(16, stored.Select(s => s.Unit).Distinct().Count());
        Assert.All(expected, e => Assert.Contains(stored, s => s.Unit == e.Unit && s.Period == e.Period && s.Indicator == e.Indicator && s.Value == e.Value));
    }

    [Fact]
    public async Task Import_templateSentBackWithOneFigureChanged_supersedesOnlyThatFigure()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var file = await AnnexTestData.ExportAsync(warehouse, WardTemplates, AnnexFormat.Word, "bieu-mau-phuong");
        var marker = AnnexMarkerPart.Find(file)!;
        FillWord(file, marker, Value);
        var first = await AnnexTestData.ImportAsync(warehouse, file);
        var changed = marker.Tables[3];
        FillWord(file, marker, (table, row, column) => table == changed && row == changed.Rows[0] && column == changed.Columns[1] ? "12.345" : Value(table, row, column));

        var revision = await AnnexTestData.ImportAsync(warehouse, file);

        Assert.Equal(1, revision.Submission.RowsLoaded);
        var current = await warehouse.Engine.QueryAsync<(long Submission, string Unit, string Indicator, string Period, decimal Value)>(
            "SELECT submission_id, unit_code, indicator_code, period_label, value FROM rpt.indicator_values WHERE source = 'submission'");
        var revised = Assert.Single(current, c => c.Submission == revision.Submission.SubmissionId);
        Assert.Equal((changed.UnitCode, changed.Rows[0].IndicatorCode, changed.Columns[1].PeriodLabel, 12345m), (revised.Unit, revised.Indicator, revised.Period, revised.Value));
        Assert.Equal(first.Submission.RowsLoaded - 1, current.Count(c => c.Submission == first.Submission.SubmissionId));
    }

    [Fact]
    public async Task Import_filledExcelTemplate_readsNumbersVietnameseTextAndTheNotePerWard()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var file = await AnnexTestData.ExportAsync(warehouse, WardTemplates with { Forms = [AnnexForms.Coverage] }, AnnexFormat.Excel, "bieu-mau-phuong");
        var marker = AnnexMarkerPart.Find(file)!;
        using (var blank = SpreadsheetDocument.Open(file, false)) Assert.Empty(new OpenXmlValidator().Validate(blank));
        using (var workbook = SpreadsheetDocument.Open(file, true))
        {
            foreach (var table in marker.Tables)
            {
                var sheet = workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == table.Sheet);
                var data = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
                var row = data.Elements<Row>().Single(r => r.RowIndex!.Value == table.Rows[0].Line);
                var cell = row.Elements<Cell>().ElementAt(table.Columns[1].Column);
                cell.InlineString = null;
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(int.Parse(table.UnitCode, CultureInfo.InvariantCulture) % 1000 * 10 + 7);
                var rate = data.Elements<Row>().Single(r => r.RowIndex!.Value == table.Rows[1].Line).Elements<Cell>().ElementAt(table.Columns[1].Column);
                rate.InlineString = new InlineString(new Text("97,35"));
            }
            var first = marker.Tables[0];
            var firstSheet = workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == first.Sheet);
            var note = ((WorksheetPart)workbook.WorkbookPart.GetPartById(firstSheet.Id!)).Worksheet!.Descendants<Row>()
                .Single(r => r.RowIndex!.Value == first.NoteLine).Elements<Cell>().Single(c => c.CellReference == $"{(char)('A' + first.NoteColumn)}{first.NoteLine}");
            note.InlineString = new InlineString(new Text("Dân số theo điều tra 2024."));
        }

        var result = await AnnexTestData.ImportAsync(warehouse, file);

        Assert.Equal(32, result.Submission.RowsLoaded);
        Assert.Contains("Dân số theo điều tra 2024.", result.Submission.Message);
        var stored = await warehouse.Engine.QueryAsync<(string Unit, string Indicator, decimal Value)>(
            "SELECT unit_code, indicator_code, value FROM rpt.indicator_values WHERE source = 'submission' AND period_label = '2024'");
        foreach (var table in marker.Tables)
        {
            Assert.Contains((table.UnitCode, "cov_participants", int.Parse(table.UnitCode, CultureInfo.InvariantCulture) % 1000 * 10 + 7m), stored);
            Assert.Contains((table.UnitCode, "cov_rate", 97.35m), stored);
        }
    }

    /// <summary>A figure each cell can be told apart by: the ward, the row, the period ("10.250", "87,5").</summary>
    private static string Value(MarkedTable table, MarkedRow row, MarkedColumn column)
    {
        var ward = int.Parse(table.UnitCode, CultureInfo.InvariantCulture) % 1000;
        var isRate = Bhyt.Warehouse.Reference.IndicatorCatalog.Bundled.Find(row.IndicatorCode)!.Unit == "percent";
        return isRate ? $"{50 + ward % 40},{(column.Column - AnnexLayout.FirstValueColumn) + 1}" : (ward * 100 + row.Line * 10 + (column.Column - AnnexLayout.FirstValueColumn)).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
    }

    private static List<(string Unit, string Period, string Indicator, decimal Value)> FillWord(string file, AnnexMarker marker, Func<MarkedTable, MarkedRow, MarkedColumn, string> value)
    {
        var written = new List<(string, string, string, decimal)>();
        using var document = WordprocessingDocument.Open(file, true);
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().ToList();
        foreach (var table in marker.Tables)
        foreach (var row in table.Rows)
        foreach (var column in table.Columns)
        {
            var text = value(table, row, column);
            var cell = tables[table.TableIndex].Elements<W.TableRow>().ElementAt(row.Line - 1).Elements<W.TableCell>().ElementAt(column.Column);
            var paragraph = cell.GetFirstChild<W.Paragraph>()!;
            foreach (var run in paragraph.Elements<W.Run>().ToList()) run.Remove();
            paragraph.Append(new W.Run(new W.Text(text)));
            written.Add((table.UnitCode, column.PeriodLabel, row.IndicatorCode, decimal.Parse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"))));
        }
        return written;
    }

    private static void WriteWordNote(string file, MarkedTable table, string note)
    {
        using var document = WordprocessingDocument.Open(file, true);
        var row = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().ElementAt(table.TableIndex).Elements<W.TableRow>().ElementAt(table.NoteLine - 1);
        row.Elements<W.TableCell>().Last().GetFirstChild<W.Paragraph>()!.Append(new W.Run(new W.Text(note)));
    }
}

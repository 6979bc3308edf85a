using Bhyt.Etl.Reporting.Annex;
using Bhyt.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Bhyt.Tests.Etl.Reporting.Annex;

/// <summary>The Excel annex read back with OpenXml: valid, a sheet per form, frozen headers, figures as numbers in Vietnamese formats, "-" where none.</summary>
public sealed class AnnexExcelWorkbookTests
{
    [Fact]
    public async Task Write_daLatSample_givesOneFrozenSheetPerFormWithNumbersInVietnameseFormats()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await AnnexTestData.ImportAsync(warehouse, AnnexTestData.DaLatSample);
        var file = await AnnexTestData.ExportAsync(warehouse, new AnnexRequest(AnnexTestData.DaLat, AnnexTestData.ReviewPeriods, AnnexForms.All), AnnexFormat.Excel, "dalat");

        using var workbook = SpreadsheetDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var sheets = workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().ToList();
        Assert.Equal(["PL4", "PL5", "PL6", "PL7", "PL8", "PL9"], sheets.Select(s => s.Name!.Value));

        var coverage = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet!;
        var pane = coverage.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(5d, pane.VerticalSplit!.Value);
        var cells = coverage.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("131408", cells["D6"].CellValue!.Text);
        Assert.Equal("60.85", cells["D7"].CellValue!.Text);
        Assert.Equal("-", cells["D8"].InnerText);
        var formats = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet!;
        Assert.Equal("#,##0.00", FormatOf(formats, cells["D7"]));
        Assert.Equal(3u, formats.CellFormats!.Elements<CellFormat>().ElementAt((int)cells["D6"].StyleIndex!.Value).NumberFormatId!.Value);
        Assert.Contains(coverage.Descendants<Cell>(), c => c.InnerText.StartsWith("D6 (", StringComparison.Ordinal) && c.InnerText.Contains("seed_001_figures.csv"));
    }

    private static string FormatOf(Stylesheet styles, Cell cell)
    {
        var id = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).NumberFormatId!.Value;
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}

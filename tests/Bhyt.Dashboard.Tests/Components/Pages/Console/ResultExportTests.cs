using Bhyt.Dashboard.Components.Pages.Console;
using Bhyt.Warehouse.Querying;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Dashboard.Tests.Components.Pages.Console;

public class ResultExportTests
{
    [Fact]
    public void Xlsx_formula_like_text_is_prefixed_and_numbers_stay_numbers()
    {
        var result = new QueryResult(["a", "b", "n", "t"],
            [["=1+2", "@cmd", -5L, "Hà Nội"], ["+x", "-y", 1234.5m, null]], false, TimeSpan.Zero);

        using var document = SpreadsheetDocument.Open(new MemoryStream(ResultExport.Xlsx(result)), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

        Assert.Equal(["a", "b", "n", "t"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(["'=1+2", "'@cmd", "-5", "Hà Nội"], rows[1].Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(CellValues.Number, rows[1].Elements<Cell>().ElementAt(2).DataType!.Value);
        Assert.Equal(["'+x", "'-y", "1234.5", ""], rows[2].Elements<Cell>().Select(c => c.InnerText));
    }
}

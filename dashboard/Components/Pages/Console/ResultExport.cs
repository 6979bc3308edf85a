using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Querying;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Dashboard.Components.Pages.Console;

/// <summary>
/// A console result as a file: CSV as the page shows it (<see cref="TableCsv"/>), or an Excel workbook with numbers as
/// numbers. Text that begins with = + - @ (or a tab or carriage return) is prefixed with ' in both, so no spreadsheet
/// takes it for a formula (CSV/Excel injection).
/// </summary>
public static class ResultExport
{
    public static string Csv(QueryResult result) =>
        TableCsv.Build(result.Columns, result.Rows.Select(row => (IReadOnlyList<string?>)row.Select(ResultCells.Text).ToList()));

    public static byte[] Xlsx(QueryResult result)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(result.Columns.Select(c => (object?)c)));
            foreach (var row in result.Rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Ket qua" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Text as it goes into a spreadsheet: a leading = + - @ tab or carriage return is neutralised with '.</summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static Row Row(IEnumerable<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            if (value is null)
                row.Append(new Cell());
            else if (ResultCells.Number(value) is { } number && double.IsFinite(number))
                row.Append(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) });
            else
                row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Neutralised(ResultCells.Text(value) ?? "")) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }
}

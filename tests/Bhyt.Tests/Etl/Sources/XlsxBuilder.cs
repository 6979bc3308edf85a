using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>Writes small .xlsx files for reader tests with Open XML: text, numbers, styles, formulas, merges.</summary>
public sealed class XlsxBuilder
{
    /// <summary>Cell styles the builder's stylesheet defines, by their index.</summary>
    public enum Style : uint
    {
        General = 0,
        Percent2 = 1, // built-in 10, "0.00%"
        Percent1 = 2, // custom "0.0%"
        Date = 3, // built-in 14
        Thousands = 4, // custom "#,##0"
        DayMonthYear = 5, // custom "dd/mm/yyyy"
    }

    private readonly List<(string Name, SortedDictionary<(int Row, int Column), Cell> Cells, List<string> Merges)> _sheets = [];
    private readonly List<string> _strings = [];

    public XlsxBuilder Sheet(string name)
    {
        _sheets.Add((name, [], []));
        return this;
    }

    /// <summary>A text cell held in the shared string table.</summary>
    public XlsxBuilder Text(string reference, string text)
    {
        var index = _strings.IndexOf(text);
        if (index < 0)
        {
            index = _strings.Count;
            _strings.Add(text);
        }
        return Put(reference, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
    }

    /// <summary>A text cell written inline in the sheet (<c>t="inlineStr"</c>).</summary>
    public XlsxBuilder InlineText(string reference, string text) =>
        Put(reference, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    public XlsxBuilder Number(string reference, double value, Style style = Style.General) =>
        Put(reference, new Cell { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = (uint)style });

    /// <summary>A formula cell with its cached result, as Excel saves it.</summary>
    public XlsxBuilder Formula(string reference, string formula, double cached) =>
        Put(reference, new Cell { CellFormula = new CellFormula(formula), CellValue = new CellValue(cached.ToString("R", CultureInfo.InvariantCulture)) });

    public XlsxBuilder Boolean(string reference, bool value) =>
        Put(reference, new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    public XlsxBuilder Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    public void Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
            new SharedStringTable(_strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        for (var i = 0; i < _sheets.Count; i++)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(_sheets[i].Cells, _sheets[i].Merges);
            workbook.Workbook.Sheets!.Append(new Sheet { Name = _sheets[i].Name, SheetId = (uint)i + 1, Id = workbook.GetIdOfPart(part) });
        }
    }

    private XlsxBuilder Put(string reference, Cell cell)
    {
        cell.CellReference = reference;
        var row = int.Parse(new string(reference.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
        var column = reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
        _sheets[^1].Cells[(row, column)] = cell;
        return this;
    }

    private static Worksheet Worksheet(SortedDictionary<(int Row, int Column), Cell> cells, List<string> merges)
    {
        var data = new SheetData(cells.GroupBy(c => c.Key.Row)
            .Select(r => new Row(r.Select(c => c.Value)) { RowIndex = (uint)r.Key }));
        var worksheet = new Worksheet(data);
        if (merges.Count > 0)
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        return worksheet;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "dd/mm/yyyy" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }));
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// One annex table as a worksheet (see <see cref="AnnexExcelWriter"/>): the reporting unit, the periods and the table's title
/// in column A alone above the header (readers take them as paragraphs, the last one titling the table).
/// </summary>
internal static class AnnexExcelSheet
{
    public static Worksheet Build(AnnexBook book, AnnexTable table, int headerLine)
    {
        var data = new SheetData();
        var merges = new List<string>();
        data.Append(TextRow(1, $"Tên đơn vị: {book.Unit.Name}.", AnnexExcelStyles.Title));
        data.Append(TextRow(2, $"Kỳ báo cáo: {book.PeriodList}.", AnnexExcelStyles.Note));
        data.Append(TextRow(3, table.Title, AnnexExcelStyles.Title));
        var line = headerLine;
        foreach (var row in HeaderRows(table, ref line, merges)) data.Append(row);
        var sources = new List<string>();
        foreach (var formRow in table.Form.Rows) data.Append(DataRow(table, formRow, line++, book.Blank, sources));
        if (book.Blank)
        {
            data.Append(new Row(Text(line, AnnexLayout.LabelColumn, AnnexLayout.NoteLabel, AnnexExcelStyles.Label),
                Text(line, AnnexLayout.UnitColumn, "", AnnexExcelStyles.Label)) { RowIndex = (uint)line });
            merges.Add($"{Reference(line, AnnexLayout.UnitColumn)}:{Reference(line, AnnexLayout.Width(table) - 1)}");
            line++;
        }
        line++;
        // Notes go in the label column: in column A they would outnumber the numbering and pass for the labels.
        if (sources.Count > 0) data.Append(NoteRow(line++, "Nguồn số liệu (theo ô):"));
        foreach (var source in sources) data.Append(NoteRow(line++, source));
        if (table.Warnings.Count > 0) data.Append(NoteRow(line++, $"Cảnh báo kiểm tra số liệu của bảng trên ({table.Warnings.Count}):"));
        foreach (var warning in table.Warnings) data.Append(NoteRow(line++, "– " + warning));

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = headerLine - 1 + AnnexLayout.HeaderRows(table), TopLeftCell = Reference(headerLine + AnnexLayout.HeaderRows(table), 0),
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }),
            new Columns(Column(1, 6), Column(2, 60), Column(3, 12), new Column { Min = 4, Max = (uint)AnnexLayout.Width(table), Width = 16, CustomWidth = true }),
            data);
        if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    private static IEnumerable<Row> HeaderRows(AnnexTable table, ref int line, List<string> merges)
    {
        var rows = new List<Row>();
        var two = table.HasTargets;
        var top = new Row { RowIndex = (uint)line };
        top.Append(Text(line, 0, AnnexLayout.NumberingHeader, AnnexExcelStyles.Header), Text(line, 1, table.Form.LabelHeader, AnnexExcelStyles.Header),
            Text(line, 2, AnnexLayout.UnitHeader, AnnexExcelStyles.Header));
        for (var c = 0; c < table.Columns.Count; c++)
            top.Append(Text(line, AnnexLayout.FirstValueColumn + c, two && c % 2 == 1 ? "" : table.Columns[c].PeriodHeader, AnnexExcelStyles.Header));
        rows.Add(top);
        if (two)
        {
            var sub = new Row { RowIndex = (uint)(line + 1) };
            for (var c = 0; c < AnnexLayout.FirstValueColumn; c++)
            {
                sub.Append(Text(line + 1, c, "", AnnexExcelStyles.Header));
                merges.Add($"{Reference(line, c)}:{Reference(line + 1, c)}");
            }
            for (var c = 0; c < table.Columns.Count; c++)
                sub.Append(Text(line + 1, AnnexLayout.FirstValueColumn + c, table.Columns[c].KindHeader, AnnexExcelStyles.Header));
            for (var c = 0; c < table.Columns.Count; c += 2)
                merges.Add($"{Reference(line, AnnexLayout.FirstValueColumn + c)}:{Reference(line, AnnexLayout.FirstValueColumn + c + 1)}");
            rows.Add(sub);
        }
        line += rows.Count;
        return rows;
    }

    private static Row DataRow(AnnexTable table, AnnexRow formRow, int line, bool blank, List<string> sources)
    {
        var row = new Row { RowIndex = (uint)line };
        row.Append(Text(line, 0, formRow.Numbering, AnnexExcelStyles.Centered), Text(line, 1, formRow.Label, AnnexExcelStyles.Label),
            Text(line, 2, formRow.UnitOfMeasure ?? "", AnnexExcelStyles.Centered));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = AnnexLayout.FirstValueColumn + c;
            var figure = formRow.IsHeading || blank ? null : table.FigureAt(formRow, table.Columns[c]);
            if (figure is null)
            {
                row.Append(Text(line, column, formRow.IsHeading || blank ? "" : AnnexNumbers.NotReported, AnnexExcelStyles.Centered));
                continue;
            }
            row.Append(new Cell
            {
                CellReference = Reference(line, column), StyleIndex = AnnexExcelStyles.Number(figure.Value),
                CellValue = new CellValue(figure.Value.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number,
            });
            sources.Add($"{Reference(line, column)} ({formRow.Label}, {table.Columns[c].PeriodHeader}{(table.HasTargets ? ", " + table.Columns[c].KindHeader : "")}): {figure.Source}");
        }
        return row;
    }

    private static Row NoteRow(int line, string text) => new(Text(line, AnnexLayout.LabelColumn, text, AnnexExcelStyles.Note)) { RowIndex = (uint)line };

    private static Row TextRow(int line, string text, uint style) => new(Text(line, 0, text, style)) { RowIndex = (uint)line };

    private static Cell Text(int line, int column, string text, uint style) => new()
    {
        CellReference = Reference(line, column), DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Column Column(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    /// <summary>"D7" for line 7, column index 3.</summary>
    public static string Reference(int line, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + line.ToString(CultureInfo.InvariantCulture);
    }
}

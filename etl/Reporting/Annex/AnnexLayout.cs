namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Where things stand in an annex table, the same in Word and Excel: STT, the row label and the unit of measure, then one
/// column per <see cref="AnnexColumn"/>; one header row, or two when periods split into "Kế hoạch | Thực hiện"; then the
/// form's rows; in a template, a last row for free-text notes. The hidden marker of a template is written from here.
/// </summary>
public static class AnnexLayout
{
    public const int NumberingColumn = 0;
    public const int LabelColumn = 1;
    public const int UnitColumn = 2;
    public const int FirstValueColumn = 3;

    public const string NumberingHeader = "STT";
    public const string UnitHeader = "Đơn vị tính";
    public const string NoteLabel = "Ghi chú (nếu có)";

    public static int HeaderRows(AnnexTable table) => table.HasTargets ? 2 : 1;

    public static int Width(AnnexTable table) => FirstValueColumn + table.Columns.Count;

    /// <summary>
    /// The marker of <paramref name="table"/>, the <paramref name="tableIndex"/>-th table of its file (or the table of
    /// <paramref name="sheet"/>), whose header starts on line <paramref name="headerLine"/> (1 in Word, the sheet row in Excel).
    /// </summary>
    public static MarkedTable Marked(AnnexTable table, int tableIndex, string? sheet, int headerLine)
    {
        var first = headerLine + HeaderRows(table);
        var rows = table.Form.Rows.Select((row, i) => (row, line: first + i)).Where(r => !r.row.IsHeading)
            .Select(r => new MarkedRow(r.line, r.row.IndicatorCode!)).ToList();
        var columns = table.Columns.Select((c, i) => new MarkedColumn(FirstValueColumn + i, c.Period.Label, c.ValueKind)).ToList();
        return new MarkedTable(table.Form.Number, table.Unit.Code, tableIndex, sheet, rows, columns, first + table.Form.Rows.Count, UnitColumn);
    }
}

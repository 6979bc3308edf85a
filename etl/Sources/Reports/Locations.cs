namespace Bhyt.Etl.Sources.Reports;

/// <summary>Where a cell stands, as users read it: sheet, table, row, column, its header and, for PDF/scans, its box.</summary>
internal static class Locations
{
    public static string Of(RawTable table, TableLayout layout, RawRow row, int column)
    {
        var header = layout.Columns.TryGetValue(column, out var h) ? $" '{h.Header}'" : "";
        var where = table.Sheet is not null ? $"trang tính '{table.Sheet}', " : "";
        var box = row.Boxes is { } boxes && column < boxes.Count && boxes[column] is { } b ? $" ({b})" : "";
        return $"{where}bảng {table.Index + 1}, dòng {row.Line}, cột {column + 1}{header}{box}";
    }
}

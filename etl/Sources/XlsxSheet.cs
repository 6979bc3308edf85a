using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Sources;

/// <summary>
/// One worksheet's non-empty cells as text, read row by row with <see cref="OpenXmlReader"/> so the sheet's XML tree
/// is never built, and its merged ranges.
/// </summary>
internal sealed class XlsxSheet
{
    private readonly SortedDictionary<int, SortedDictionary<int, string>> _rows = [];
    private readonly List<(int Top, int Left, int Bottom, int Right)> _merges = [];
    private readonly List<(string Cell, string Formula)> _uncalculated = [];

    /// <summary>
    /// Formula cells saved without their result (written by software that does not calculate, and never opened in
    /// Excel since): the sheet shows a number there, the file holds none.
    /// </summary>
    public IReadOnlyList<(string Cell, string Formula)> Uncalculated => _uncalculated;

    /// <summary>Written values by sheet row and column (both 1-based); merged ranges not yet spread.</summary>
    public IReadOnlyDictionary<int, SortedDictionary<int, string>> Rows => _rows;

    /// <summary>Merged ranges as 1-based inclusive bounds.</summary>
    public IReadOnlyList<(int Top, int Left, int Bottom, int Right)> Merges => _merges;

    public static XlsxSheet Read(WorksheetPart part, XlsxWorkbookText text)
    {
        var sheet = new XlsxSheet();
        using var reader = OpenXmlReader.Create(part);
        var previousRow = 0;
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Row))
                previousRow = sheet.AddRow((Row)reader.LoadCurrentElement()!, previousRow, text);
            else if (reader.ElementType == typeof(MergeCell))
                sheet.AddMerge(((MergeCell)reader.LoadCurrentElement()!).Reference?.Value);
        }
        return sheet;
    }

    private int AddRow(Row row, int previousRow, XlsxWorkbookText text)
    {
        var number = (int)(row.RowIndex?.Value ?? (uint)previousRow + 1);
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            column = CellReference.Column(cell.CellReference?.Value) ?? column + 1;
            var value = text.Of(cell);
            if (value.Length == 0 && cell.CellFormula is { } formula) _uncalculated.Add((XlsxColumnName(column) + number, formula.Text));
            if (value.Length == 0) continue;
            if (!_rows.TryGetValue(number, out var cells)) _rows[number] = cells = [];
            cells[column] = value;
        }
        return number;
    }

    private static string XlsxColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private void AddMerge(string? reference)
    {
        var corners = reference?.Split(':');
        if (corners is not { Length: 2 }) return;
        var (top, left) = (CellReference.Row(corners[0]), CellReference.Column(corners[0]));
        var (bottom, right) = (CellReference.Row(corners[1]), CellReference.Column(corners[1]));
        if (top is null || left is null || bottom is null || right is null) return;
        _merges.Add((Math.Min(top.Value, bottom.Value), Math.Min(left.Value, right.Value),
            Math.Max(top.Value, bottom.Value), Math.Max(left.Value, right.Value)));
    }

    /// <summary>The cells with every merged range filled with its top-left value (where it has one).</summary>
    public SortedDictionary<int, SortedDictionary<int, string>> Spread()
    {
        var spread = new SortedDictionary<int, SortedDictionary<int, string>>(
            _rows.ToDictionary(r => r.Key, r => new SortedDictionary<int, string>(r.Value)));
        foreach (var (top, left, bottom, right) in _merges)
        {
            if (!_rows.TryGetValue(top, out var first) || !first.TryGetValue(left, out var value)) continue;
            for (var row = top; row <= bottom; row++)
            {
                if (!spread.TryGetValue(row, out var cells)) spread[row] = cells = [];
                for (var column = left; column <= right; column++) cells[column] = value;
            }
        }
        return spread;
    }
}

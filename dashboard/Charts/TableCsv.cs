using System.Text;

namespace Bhyt.Dashboard.Charts;

/// <summary>RFC 4180 CSV of a table as shown (comma separated, quoted where needed, CRLF).</summary>
public static class TableCsv
{
    public static string Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(header);
        foreach (var row in rows) Line(row);
        return text.ToString();

        void Line(IEnumerable<string?> cells)
        {
            text.AppendJoin(',', cells.Select(Quote));
            text.Append("\r\n");
        }
    }

    private static string Quote(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it (CSV injection).
        if (cell[0] is '=' or '+' or '@' && !double.TryParse(cell, out _)) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}

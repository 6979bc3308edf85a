using System.Text;
using System.Text.RegularExpressions;

namespace Bhyt.Dashboard.Charts;

/// <summary>RFC 4180 CSV of a table as shown (comma separated, quoted where needed, CRLF).</summary>
public static partial class TableCsv
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
        if (MayRunAsFormula(cell)) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    /// <summary>
    /// A leading =, +, -, @, tab or carriage return can make a spreadsheet run the cell as a formula (OWASP CSV
    /// injection), so such a cell is prefixed with <c>'</c> — unless it is a signed number as the dashboard shows it
    /// ("-1.234,5", "-12,3 %", "+1,25 điểm %", "-3,4 tỷ đồng"), which must stay readable as a number.
    /// </summary>
    private static bool MayRunAsFormula(string cell) =>
        cell[0] is '=' or '@' or '\t' or '\r' || (cell[0] is '+' or '-' && !SignedNumber().IsMatch(cell));

    // Digits with . or , between them, then optionally " %" or words (a unit) and " %": no operator, parenthesis,
    // reference or pipe a formula would need.
    [GeneratedRegex(@"^[+-]\d+([.,]\d+)*( ?%| [\p{L}\p{M}]+( [\p{L}\p{M}]+)*( ?%)?)?$")]
    private static partial Regex SignedNumber();
}

using Bhyt.Etl.Parsing;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Reads a table's header: the row whose cells are periods ("2009-2014", "Năm 2021", "Đến hết năm 2019"), and — when
/// the row under it names indicators under each period group (seeds/002: insured, uninsured, population, rate per
/// year) — the per-unit layout where every row is a unit.
/// </summary>
public static class TableLayoutReader
{
    private const int HeaderRowsToSearch = 4;

    public static TableLayout? Read(RawTable table, IndicatorLabelMatcher matcher)
    {
        for (var h = 0; h < Math.Min(HeaderRowsToSearch, table.Rows.Count); h++)
        {
            var header = table.Rows[h].Cells.Select(ReportText.StripMarkup).ToList();
            var periods = header.Select((text, column) => (column, text, ok: column > 0 & PeriodHeader.TryParse(text, out var p), p))
                .Where(x => x.ok).ToList();
            if (periods.Count == 0 || LooksLikeDataRow(header, periods[0].column)) continue;

            var labelColumn = Math.Max(0, periods[0].column - 1);
            var next = h + 1 < table.Rows.Count ? table.Rows[h + 1].Cells.Select(ReportText.StripMarkup).ToList() : [];
            var grouped = GroupedColumns(header, periods.Select(p => (p.column, p.p)).ToList(), next, matcher);
            if (grouped.Count(c => c.Value.Indicator is not null) >= 2)
                return new TableLayout(grouped, h + 2, PerUnitRows: true, labelColumn);

            var columns = periods.ToDictionary(p => p.column, p => new TableColumn(p.p, null, KindOf(p.text), p.text));
            return new TableLayout(columns, h + 1, PerUnitRows: false, labelColumn);
        }
        return null;
    }

    /// <summary>
    /// Extends each period over the empty header cells after it (a merged group header) and names each column's
    /// indicator from the sub-header row.
    /// </summary>
    private static Dictionary<int, TableColumn> GroupedColumns(List<string> header, List<(int Column, Warehouse.Periods.Period Period)> periods,
        List<string> subHeader, IndicatorLabelMatcher matcher)
    {
        var columns = new Dictionary<int, TableColumn>();
        foreach (var (start, period) in periods)
        {
            for (var c = start; c < Math.Max(header.Count, subHeader.Count); c++)
            {
                if (c > start && c < header.Count && header[c].Length > 0) break;
                var sub = c < subHeader.Count ? subHeader[c] : "";
                var indicator = sub.Length > 0 ? matcher.Match(sub, null, false) : null;
                columns[c] = new TableColumn(period, indicator, KindOf(header[start] + " " + sub), $"{header[start]} / {sub}".Trim(' ', '/'));
            }
        }
        return columns;
    }

    // A header row is not numbered: "1 | Thành ủy … | Ngày 14/4/2015" is a data row whose last cell is a date.
    private static bool LooksLikeDataRow(List<string> cells, int firstPeriodColumn) =>
        cells.Take(firstPeriodColumn).Any(c => c.Length > 0 && c.TrimEnd('.').All(ch => char.IsDigit(ch) || ch == '.'));

    /// <summary>The kind a header states: target for plans and assigned targets, actual for results; null when silent.</summary>
    public static string? KindOf(string text)
    {
        var key = VietnameseText.FoldAll(text);
        if (TargetWords.Any(key.Contains)) return Figure.Target;
        if (ActualWords.Any(key.Contains)) return Figure.Actual;
        return null;
    }

    private static readonly string[] TargetWords = ["ke hoach", "chi tieu", "muc tieu", "giao chi tieu", "phan dau"];
    private static readonly string[] ActualWords = ["thuc hien", "ket qua", "thuc te"];
}

using System.Globalization;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Checks a table's figures against its own total row ("Cộng", "Tổng cộng", "Toàn tỉnh"): per value column, the sum of
/// the rows it totals (the units above it, or the rows of its section) against the total. Every mismatch is a warning
/// (<c>table.total</c>) that says whether the document or the reading is the likelier culprit: one digit off or two
/// digits swapped, or a cell the OCR was unsure of, points at the reading; a difference equal to one row's value, or
/// any other difference, at the document.
/// </summary>
internal static class TableTotals
{
    private const double LowConfidence = 80;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static void Check(RawTable table, TableLayout layout, IReadOnlyList<(RawRow Row, bool IsTotal, int SectionStart, IReadOnlyList<(int Column, Figure Figure)> Figures)> rows, Extraction extraction)
    {
        for (var t = 0; t < rows.Count; t++)
        {
            if (!rows[t].IsTotal) continue;
            var from = layout.Orientation == TableOrientation.UnitRows ? 0 : rows[t].SectionStart;
            var parts = rows.Skip(from).Take(t - from).Where(r => !r.IsTotal && r.Figures.Count > 0).ToList();
            if (Nested(parts.Select(p => p.Figures[0].Figure.Unit).ToList())) continue;
            foreach (var column in layout.Columns.Keys.Order())
                CheckColumn(table, layout, rows[t].Row, column, parts.SelectMany(p => p.Figures.Where(f => f.Column == column).Select(f => (p.Row, f.Figure))).ToList(), extraction);
        }
    }

    // A table listing a district and its communes would count the communes twice.
    private static bool Nested(List<Warehouse.Units.UnitRecord> units)
    {
        var keys = units.Select(u => u.UnitKey).ToHashSet();
        return units.Any(u => u.ParentKey is { } parent && keys.Contains(parent));
    }

    private static void CheckColumn(RawTable table, TableLayout layout, RawRow totalRow, int column, List<(RawRow Row, Figure Figure)> parts, Extraction extraction)
    {
        if (parts.Count < 2 || parts.Select(p => p.Figure.Indicator.Code).Distinct().Count() > 1 && layout.Orientation == TableOrientation.UnitRows) return;
        var indicator = parts[0].Figure.Indicator;
        if (!indicator.IsSummable || parts.Any(p => p.Figure.Indicator.Unit != indicator.Unit)) return;
        var totalText = column < totalRow.Cells.Count ? totalRow.Cells[column] : "";
        var total = VietnameseNumber.Parse(totalText, indicator.Unit);
        if (!total.IsNumber) return;
        var sum = parts.Sum(p => p.Figure.Value);
        var tolerance = indicator.Unit == CatalogUnits.MillionVnd ? 1m : 0m;
        if (Math.Abs(sum - total.Value) <= tolerance) return;

        var location = Locations.Of(table, layout, totalRow, column);
        var reason = Diagnose(sum, total.Value, parts, table, totalRow, column);
        var figure = parts[0].Figure;
        extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "table.total",
            $"Tổng các dòng = {Format(sum)}, dòng '{ReportText.StripMarkup(Label(totalRow, layout))}' = {Format(total.Value)} (chỉ tiêu {indicator.Code}, kỳ {figure.Period.Label}); {reason}.",
            location, extraction.ReportingUnit?.UnitCode, figure.Period.Label, indicator.Code, totalText));
    }

    /// <summary>Why a total may not match: the reading (one digit, two swapped digits, an unsure OCR cell) or the document.</summary>
    public static string Diagnose(decimal sum, decimal total, IReadOnlyList<(RawRow Row, Figure Figure)> parts, RawTable table, RawRow totalRow, int column)
    {
        var a = Digits(sum);
        var b = Digits(total);
        var ocr = table.Rows.Any(r => r.Boxes?.Any(x => x?.Confidence is not null) == true);
        var by = ocr ? "có thể đọc sai (OCR)" : "có thể gõ hoặc đọc sai một chữ số";
        if (a.Length == b.Length)
        {
            var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            if (differ.Count == 1) return $"chênh lệch đúng một chữ số → {by}";
            if (differ.Count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]])
                return $"hai chữ số liền nhau đổi chỗ → {by}";
        }
        var unsure = parts.Select(p => p.Row).Append(totalRow)
            .Where(r => r.Boxes is { } boxes && column < boxes.Count && boxes[column]?.Confidence < LowConfidence).ToList();
        if (unsure.Count > 0) return $"có ô OCR đọc với độ tin cậy thấp (dòng {string.Join(", ", unsure.Select(r => r.Line))}) → có thể đọc sai";
        var difference = Math.Abs(sum - total);
        if (parts.FirstOrDefault(p => p.Figure.Value == difference) is { Figure: not null } row)
            return $"chênh lệch bằng đúng số của dòng {row.Row.Line} → tài liệu có thể cộng thiếu hoặc thừa một dòng (lỗi của tài liệu)";
        return "số liệu trong tài liệu không khớp với dòng tổng (lỗi của tài liệu, không phải của việc đọc)";
    }

    private static string Label(RawRow row, TableLayout layout) => layout.LabelColumn < row.Cells.Count ? row.Cells[layout.LabelColumn] : "";

    private static string Digits(decimal value) => new(Math.Abs(value).ToString(CultureInfo.InvariantCulture).Where(char.IsAsciiDigit).ToArray());

    private static string Format(decimal value) => value.ToString("#,##0.##", Vi);
}

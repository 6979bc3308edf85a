using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>Reads the data rows of one recognised table into figures and issues.</summary>
internal sealed class ReportTableWalker(
    RawTable table, TableLayout layout, IndicatorLabelMatcher matcher, FigureResolver resolver, Extraction extraction)
{
    private static readonly string[] TotalRowWords = ["cong", "tong cong", "tong so", "tong", "toan thanh pho", "toan huyen", "toan tinh", "toan thi xa", "chung"];

    /// <summary>Rows are indicators, columns are periods (seeds/001).</summary>
    public void ReadIndicatorRows(string tableKind)
    {
        Indicator? parent = null;
        var shareSection = false;
        string? section = null;
        var previousWasSection = false;
        foreach (var row in table.Rows.Skip(layout.FirstDataRow))
        {
            var numbering = string.Join(" ", row.Cells.Take(layout.LabelColumn).Select(ReportText.StripMarkup)).Trim();
            var label = Label(row);
            var hasValues = layout.Columns.Keys.Any(c => c < row.Cells.Count && ReportText.StripMarkup(row.Cells[c]).Length > 0);
            if (label.Length == 0 && !hasValues) continue;

            if (!hasValues)
            {
                section = previousWasSection && numbering.Length == 0 && section is not null ? $"{section} {label}" : label;
                shareSection = IndicatorLabelMatcher.IsShareSection(section);
                parent = matcher.Match(section, null, false) is { SumOfCodes.Count: > 0 } sectionIndicator ? sectionIndicator : null;
                previousWasSection = true;
                continue;
            }
            previousWasSection = false;
            if (numbering.Length > 0 && !IsSubNumbering(numbering))
            {
                parent = null;
                shareSection = false;
            }

            var indicator = matcher.Match(label, parent, shareSection);
            if (indicator is null)
            {
                extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "label.unknown",
                    $"Không nhận ra chỉ tiêu của dòng '{ReportText.StripMarkup(label)}'; số liệu của dòng này không được nạp.", Location(row, layout.LabelColumn), CellText: label));
                continue;
            }
            if (indicator.SumOfCodes.Count > 0) parent = indicator;
            foreach (var (column, header) in layout.Columns)
                AddFigure(extraction.ReportingUnit, row, column, header, indicator, header.ValueKind ?? tableKind, ReportText.LabelUnit(label));
        }
    }

    /// <summary>Rows are units, column groups are period × indicator (seeds/002).</summary>
    public void ReadUnitRows(string tableKind)
    {
        foreach (var row in table.Rows.Skip(layout.FirstDataRow))
        {
            var label = ReportText.StripMarkup(Label(row));
            if (label.Length == 0) continue;
            var unit = IsTotalRow(label) ? extraction.ReportingUnit : ResolveUnit(label, row);
            if (unit is null)
            {
                if (IsTotalRow(label))
                    extraction.Reject(Key(row), ValidationIssue.ErrorAt("unit.missing",
                        "Dòng tổng cộng nhưng không xác định được đơn vị báo cáo; dùng --unit.", Location(row, layout.LabelColumn), label));
                continue;
            }
            foreach (var (column, header) in layout.Columns.Where(c => c.Value.Indicator is not null))
                AddFigure(unit, row, column, header, header.Indicator!, header.ValueKind ?? tableKind, null);
        }
    }

    private UnitRecord? ResolveUnit(string label, RawRow row)
    {
        var asOf = layout.Columns.Values.Select(c => FigureResolver.AsOf(c.Period)).Min();
        var (unit, error) = resolver.FindUnit(null, label, asOf, Location(row, layout.LabelColumn));
        if (error is not null) extraction.Reject(Key(row), error);
        return unit;
    }

    private void AddFigure(UnitRecord? unit, RawRow row, int column, TableColumn header, Indicator indicator, string kind, string? labelUnit)
    {
        if (column >= row.Cells.Count) return;
        var text = ReportText.StripMarkup(row.Cells[column]);
        var location = Location(row, column);
        var withUnit = labelUnit is not null && indicator.Unit == "million_vnd" && !text.Any(char.IsLetter) && text.Length > 0 && text != "-"
            ? $"{text} {labelUnit}" : text;
        var (value, error) = resolver.ReadValue(withUnit, indicator, location);
        if (error is not null)
        {
            extraction.Reject(Key(row), error with { UnitCode = unit?.UnitCode, PeriodLabel = header.Period.Label, IndicatorCode = indicator.Code });
            return;
        }
        if (value is { } v && unit is not null)
            extraction.Figures.Add(new Figure(unit, header.Period, indicator, kind, v, new SourceCell(location, row.Cells[column])));
    }

    private string Label(RawRow row)
    {
        if (layout.LabelColumn < row.Cells.Count && ReportText.StripMarkup(row.Cells[layout.LabelColumn]).Length > 0)
            return row.Cells[layout.LabelColumn];
        return row.Cells.Take(layout.LabelColumn).FirstOrDefault(c => ReportText.StripMarkup(c).Any(char.IsLetter) && !ReportText.IsNumbering(c)) ?? "";
    }

    private static bool IsSubNumbering(string numbering) => numbering.StartsWith('-') || numbering.StartsWith('+') || numbering.Contains('.') && numbering.Length > 2;

    private static bool IsTotalRow(string label) => TotalRowWords.Contains(VietnameseText.FoldAll(label));

    private string Key(RawRow row) => $"{table.Index}:{row.Line}";

    private string Location(RawRow row, int column)
    {
        var header = layout.Columns.TryGetValue(column, out var h) ? $" '{h.Header}'" : "";
        var where = table.Sheet is not null ? $"trang tính '{table.Sheet}', " : "";
        var box = row.Boxes is { } boxes && column < boxes.Count && boxes[column] is { } b ? $" ({b})" : "";
        return $"{where}bảng {table.Index + 1}, dòng {row.Line}, cột {column + 1}{header}{box}";
    }
}

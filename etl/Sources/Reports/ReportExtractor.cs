using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Turns a report document's annex tables into figures: rows recognised by their labels (indicator rows × period
/// columns, or unit rows × period/indicator column groups), the reporting unit from the document or <c>--unit</c>,
/// a "Cộng"/total row mapped to the reporting unit, targets recognised from the table's title or headers.
/// "-" and blank cells are not reported: nothing is stored for them.
/// </summary>
public sealed class ReportExtractor(FigureResolver resolver, UnitDirectory units, UnitNameResolver names)
{
    private static readonly DateOnly DefaultAsOf = new(2024, 7, 1);
    private readonly IndicatorLabelMatcher _matcher = new(IndicatorCatalog.Bundled);

    public Extraction Extract(RawDocument document, string? unitCode)
    {
        var extraction = new Extraction();
        var tables = document.Tables.Select(t => (Table: t, Layout: TableLayoutReader.Read(t, _matcher))).Where(t => t.Layout is not null).ToList();
        var asOf = tables.SelectMany(t => t.Layout!.Columns.Values).Select(c => FigureResolver.AsOf(c.Period)).DefaultIfEmpty(DefaultAsOf).Max();

        extraction.ReportingUnit = unitCode is not null
            ? units.FindByCode(unitCode, asOf) ?? units.Units.FirstOrDefault(u => u.UnitCode == unitCode)
            : ReportingUnitDetector.Detect(document, names, asOf);
        if (unitCode is not null && extraction.ReportingUnit is null)
            extraction.Reject("--unit", ValidationIssue.ErrorAt("unit.unknown", $"Mã đơn vị '{unitCode}' (--unit) không có trong danh mục.", "--unit", unitCode));

        foreach (var (table, layout) in tables)
        {
            var walker = new ReportTableWalker(table, layout!, _matcher, resolver, extraction);
            if (layout!.PerUnitRows) walker.ReadUnitRows(TableKind(table));
            else walker.ReadIndicatorRows(TableKind(table));
        }

        if (extraction.Figures.Count > 0 && extraction.ReportingUnit is null && tables.Any(t => !t.Layout!.PerUnitRows))
            extraction.Reject("document", ValidationIssue.ErrorAt("unit.missing",
                "Không xác định được đơn vị báo cáo từ tiêu đề tài liệu; hãy chỉ định bằng --unit <mã đơn vị>.", "tiêu đề tài liệu"));
        if (extraction.Figures.Count == 0 && !extraction.Issues.Any(i => i.IsError))
            extraction.Note = tables.Count == 0
                ? "Không tìm thấy bảng phụ lục nào có cột kỳ báo cáo; không có số liệu để nạp."
                : $"Tìm thấy {tables.Count} bảng phụ lục nhưng không có ô số liệu nào được điền (biểu mẫu trống); không có số liệu để nạp.";
        return extraction;
    }

    private static string TableKind(RawTable table) =>
        TableLayoutReader.KindOf(table.Title ?? "") ?? Figure.Actual;
}

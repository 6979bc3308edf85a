using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>What reading a report document gave: its figures and issues, and how each table was recognised.</summary>
public sealed record ReportReading(Extraction Extraction, IReadOnlyList<TableRecognition> Tables)
{
    /// <summary>Tables with a layout whose row labels matched no indicator: what a user can fix with an alias.</summary>
    public IEnumerable<TableRecognition> NearMisses => Tables.Where(t => t.IsNearMiss);

    /// <summary>
    /// Whether the document restates only what changed (a filled annex template): figures equal to the current ones are
    /// left out before loading, so its other figures are not superseded by copies of themselves.
    /// </summary>
    public bool RestatesOnlyChanges { get; init; }

    /// <summary>The layouts read with figures, for the form memory.</summary>
    public IEnumerable<TableLayout> RecognisedLayouts => Tables.Where(t => t.Figures > 0 && t.Layout is not null).Select(t => t.Layout!);
}

/// <summary>
/// Turns a report document's tables into figures, whatever their layout (see <see cref="TableLayoutReader"/>): the
/// reporting unit from the document or <c>--unit</c> (a table titled "Tên đơn vị: …" with a unit below it is that unit's), a total row mapped to the reporting unit, targets told from actuals
/// per column. "-", "—", "x" and blank cells are not reported: nothing is stored for them. A document that yields no
/// figure says why, naming the tables whose row labels it could not match.
/// </summary>
public sealed class ReportExtractor(FigureResolver resolver, UnitDirectory units, UnitNameResolver names)
{
    private static readonly DateOnly DefaultAsOf = new(2024, 7, 1);
    private readonly IndicatorLabelMatcher _matcher = new(IndicatorCatalog.Bundled);

    public Extraction Extract(RawDocument document, string? unitCode) => Read(document, unitCode, FormMemory.Empty).Extraction;

    public ReportReading Read(RawDocument document, string? unitCode, FormMemory memory)
    {
        var extraction = new Extraction();
        var recognitions = document.Tables.Select(t => new TableRecognition(t, TableLayoutReader.Read(t, _matcher, memory))).ToList();
        var tables = recognitions.Where(t => t.Layout is not null).ToList();
        var asOf = tables.SelectMany(t => t.Layout!.Columns.Values).Where(c => c.Period is not null)
            .Select(c => FigureResolver.AsOf(c.Period!.Value)).DefaultIfEmpty(DefaultAsOf).Max();

        extraction.ReportingUnit = unitCode is not null
            ? units.FindByCode(unitCode, asOf) ?? units.Units.FirstOrDefault(u => u.UnitCode == unitCode)
            : ReportingUnitDetector.Detect(document, names, asOf);
        if (unitCode is not null && extraction.ReportingUnit is null)
            extraction.Reject("--unit", ValidationIssue.ErrorAt("unit.unknown", $"Mã đơn vị '{unitCode}' (--unit) không có trong danh mục.", "--unit", unitCode));

        foreach (var recognition in tables)
        {
            var layout = recognition.Layout!;
            var tableUnit = ReportingUnitDetector.InTitle(recognition.Table.Title, extraction.ReportingUnit, names, asOf) ?? extraction.ReportingUnit;
            new ReportTableWalker(recognition.Table, layout, _matcher, resolver, names, extraction, recognition, tableUnit).Read(TableKind(recognition.Table));
            foreach (var (column, header, reason) in layout.Skipped)
                extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "column.skipped",
                    $"Bỏ qua cột '{header}': {reason}.", $"bảng {recognition.Table.Index + 1}, cột {column + 1}", CellText: header));
        }

        if (extraction.Figures.Count > 0 && extraction.ReportingUnit is null && tables.Any(t => !t.Layout!.PerUnitRows && t.Figures > 0))
            extraction.Reject("document", ValidationIssue.ErrorAt("unit.missing",
                "Không xác định được đơn vị báo cáo từ tiêu đề tài liệu; hãy chỉ định bằng --unit <mã đơn vị>.", "tiêu đề tài liệu"));
        if (extraction.Figures.Count == 0 && !extraction.Issues.Any(i => i.IsError))
            extraction.Note = EmptyNote(document, recognitions);
        return new ReportReading(extraction, recognitions);
    }

    private static string EmptyNote(RawDocument document, List<TableRecognition> recognitions)
    {
        var recognised = recognitions.Count(t => t.Layout is not null);
        var nearMisses = recognitions.Where(t => t.IsNearMiss).ToList();
        if (nearMisses.Count > 0)
            return $"Tìm thấy {recognised} bảng số liệu nhưng không nhận ra chỉ tiêu của dòng nào; không có số liệu để nạp. "
                + "Các dòng không nhận ra (thêm bí danh vào danh mục bí danh chỉ tiêu indicator_aliases.csv để nạp được): "
                + string.Join(" ", nearMisses.Select(t => $"{t.Name}: {string.Join("; ", t.UnrecognisedLabels.Distinct().Take(10).Select(l => $"'{l}'"))}."));
        if (recognised > 0)
            return $"Tìm thấy {recognised} bảng phụ lục nhưng không có ô số liệu nào được điền (biểu mẫu trống); không có số liệu để nạp.";
        return document.Tables.Count == 0
            ? "Không tìm thấy bảng nào trong tài liệu; không có số liệu để nạp."
            : $"Tìm thấy {document.Tables.Count} bảng nhưng không bảng nào có cột hoặc dòng kỳ báo cáo (năm, giai đoạn, ngày); không có số liệu để nạp.";
    }

    // A title's "chỉ tiêu" alone means "indicators" ("Các chỉ tiêu chủ yếu"); only a plan or assigned targets make a target table.
    private static readonly string[] TargetTitleWords = ["giao chi tieu", "chi tieu giao", "chi tieu duoc giao", "ke hoach", "muc tieu", "phan dau", "du kien"];

    private static string TableKind(RawTable table)
    {
        var key = VietnameseText.FoldAll(table.Title ?? "");
        if (TargetTitleWords.Any(w => key.Contains(w, StringComparison.Ordinal))) return Figure.Target;
        return Figure.Actual;
    }
}

using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Reads the data rows of one recognised table into figures and issues, whatever its orientation. Figures of a table
/// without unit rows belong to <c>tableUnit</c>: the reporting unit, or the unit below it that the table's title names.
/// </summary>
internal sealed class ReportTableWalker(
    RawTable table, TableLayout layout, IndicatorLabelMatcher matcher, FigureResolver resolver, UnitNameResolver names,
    Extraction extraction, TableRecognition recognition, UnitRecord? tableUnit)
{
    private static readonly string[] TotalRowWords = ["cong", "tong cong", "tong so", "tong", "toan thanh pho", "toan huyen", "toan tinh", "toan thi xa", "chung", "cong chung", "tong chung"];
    private static readonly string[] CountryWords = ["ca nuoc", "toan quoc", "viet nam"];

    /// <summary>Figures read per row, for the totals check.</summary>
    private readonly List<(RawRow Row, bool IsTotal, int SectionStart, List<(int Column, Figure Figure)> Figures)> _rows = [];

    public void Read(string tableKind)
    {
        switch (layout.Orientation)
        {
            case TableOrientation.UnitRows: ReadUnitRows(tableKind); break;
            case TableOrientation.PeriodRows: ReadPeriodRows(tableKind); break;
            default: ReadIndicatorRows(tableKind); break;
        }
        TableTotals.Check(table, layout, _rows.Select(r => (r.Row, r.IsTotal, r.SectionStart, (IReadOnlyList<(int, Figure)>)r.Figures)).ToList(), extraction);
    }

    /// <summary>Rows are indicators, columns are periods (seeds/001), with a unit-of-measure and a numbering column when present.</summary>
    private void ReadIndicatorRows(string tableKind)
    {
        Indicator? parent = null;
        var shareSection = false;
        string? section = null;
        var previousWasSection = false;
        var sectionStart = 0;
        foreach (var row in table.Rows.Skip(layout.FirstDataRow))
        {
            var numbering = Numbering(row);
            var label = Label(row);
            var hasValues = layout.Columns.Keys.Any(c => Cell(row, c).Length > 0);
            if (label.Length == 0 && !hasValues) continue;

            if (!hasValues)
            {
                section = previousWasSection && numbering.Length == 0 && section is not null ? $"{section} {label}" : label;
                shareSection = IndicatorLabelMatcher.IsShareSection(section);
                parent = matcher.Match(section, null, false) is { SumOfCodes.Count: > 0 } sectionIndicator ? sectionIndicator : null;
                previousWasSection = true;
                sectionStart = _rows.Count;
                continue;
            }
            previousWasSection = false;
            if (numbering.Length > 0 && !IsSubNumbering(numbering))
            {
                parent = null;
                shareSection = false;
            }
            recognition.DataRows++;
            if (IsTotalRow(label))
            {
                recognition.RecognisedRows++;
                _rows.Add((row, true, sectionStart, []));
                sectionStart = _rows.Count;
                continue;
            }

            var unitOfMeasure = layout.UnitOfMeasureColumn is { } u ? Cell(row, u) : null;
            var indicator = Confirm(matcher.Match(label, parent, shareSection), unitOfMeasure, row, label);
            if (indicator is null)
            {
                Unrecognised(row, label);
                continue;
            }
            recognition.RecognisedRows++;
            if (indicator.SumOfCodes.Count > 0) parent = indicator;
            var figures = new List<(int, Figure)>();
            foreach (var (column, header) in layout.Columns)
                AddFigure(tableUnit, row, column, header.Period!.Value, indicator, header.ValueKind ?? tableKind,
                    NonEmpty(unitOfMeasure) ?? ReportText.LabelUnit(label), figures);
            _rows.Add((row, false, sectionStart, figures));
        }
    }

    /// <summary>Rows are units at any level (a national row, provinces, districts, communes, a total), column groups are period × indicator (seeds/002).</summary>
    private void ReadUnitRows(string tableKind)
    {
        var asOf = layout.Columns.Values.Where(c => c.Period is not null).Select(c => FigureResolver.AsOf(c.Period!.Value)).DefaultIfEmpty(FigureResolver.AsOf(Period.Year(2024))).Min();
        var read = new List<(RawRow Row, string Label, UnitRecord? Unit, bool IsTotal)>();
        foreach (var row in table.Rows.Skip(layout.FirstDataRow))
        {
            var label = Label(row);
            if (label.Length == 0) continue;
            recognition.DataRows++;
            if (IsTotalRow(label)) read.Add((row, label, null, true));
            else read.Add((row, label, ResolveUnit(label, row, asOf), false));
        }
        var total = extraction.ReportingUnit
            ?? (read.Where(r => r.Unit is not null).All(r => r.Unit!.Level == "province") && read.Any(r => r.Unit is not null)
                ? resolver.FindUnit(BoundarySets.CountryCode, null, asOf, "").Unit : null);
        foreach (var (row, label, found, isTotal) in read)
        {
            var unit = isTotal ? total : found;
            if (unit is null)
            {
                if (isTotal)
                    extraction.Reject(Key(row), ValidationIssue.ErrorAt("unit.missing",
                        "Dòng tổng cộng nhưng không xác định được đơn vị báo cáo; dùng --unit.", Location(row, layout.LabelColumn), label));
                else recognition.UnrecognisedLabels.Add(label);
                continue;
            }
            recognition.RecognisedRows++;
            var figures = new List<(int, Figure)>();
            foreach (var (column, header) in layout.Columns.Where(c => c.Value.Indicator is not null && c.Value.Period is not null))
                AddFigure(unit, row, column, header.Period!.Value, header.Indicator!, header.ValueKind ?? tableKind, header.StatedUnit, figures);
            _rows.Add((row, isTotal && found is null, 0, figures));
        }
    }

    /// <summary>Rows are periods ("2019", "Năm 2020", "Kế hoạch 2025"), columns are indicators with their unit in the header.</summary>
    private void ReadPeriodRows(string tableKind)
    {
        foreach (var row in table.Rows.Skip(layout.FirstDataRow))
        {
            var label = Cell(row, layout.LabelColumn);
            if (label.Length == 0) continue;
            recognition.DataRows++;
            if (!PeriodHeader.TryParse(label, out var period))
            {
                if (!IsTotalRow(label)) Unrecognised(row, label);
                continue;
            }
            recognition.RecognisedRows++;
            var figures = new List<(int, Figure)>();
            foreach (var (column, header) in layout.Columns)
                AddFigure(tableUnit, row, column, period, header.Indicator!, KindOf(label) ?? header.ValueKind ?? tableKind, header.StatedUnit, figures);
            _rows.Add((row, false, 0, figures));
        }
    }

    private static string? KindOf(string label) => TableLayoutReader.KindOf(label);

    /// <summary>
    /// The unit of measure confirms the indicator: a row named for persons but measured in "%" is the matching rate, one
    /// named for a rate but counted in "người" is its numerator; a unit that fits neither is a warning, and the row is skipped.
    /// </summary>
    private Indicator? Confirm(Indicator? indicator, string? unitOfMeasure, RawRow row, string label)
    {
        if (indicator is null || string.IsNullOrWhiteSpace(unitOfMeasure) || StatedUnit.Read(unitOfMeasure) is not { } stated || stated == StatedUnit.None)
            return indicator;
        if (Fits(indicator, stated)) return indicator;
        var catalog = IndicatorCatalog.Bundled;
        var counterpart = stated.Code == CatalogUnits.Percent
            ? catalog.Ratios.Where(r => r.Ratio!.Numerator == indicator.Code).ToList() is [var rate] ? rate : null
            : indicator.Ratio is { } ratio ? catalog.Find(ratio.Numerator) : null;
        if (counterpart is not null && Fits(counterpart, stated)) return counterpart;
        extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "label.unit_mismatch",
            $"Dòng '{label}' ghi đơn vị tính '{unitOfMeasure}' nhưng chỉ tiêu {indicator.Code} tính bằng {CatalogUnits.NameVi(indicator.Unit)}; số liệu của dòng này không được nạp.",
            Location(row, layout.UnitOfMeasureColumn ?? layout.LabelColumn), IndicatorCode: indicator.Code, CellText: unitOfMeasure));
        return null;
    }

    private static bool Fits(Indicator indicator, StatedUnit stated) =>
        stated.Code == CatalogUnits.Percent ? indicator.Unit == CatalogUnits.Percent
        : stated.IsMoney ? indicator.Unit == CatalogUnits.MillionVnd
        : !stated.IsCount || CatalogUnits.IsCount(indicator.Unit);

    private UnitRecord? ResolveUnit(string label, RawRow row, DateOnly asOf)
    {
        var key = VietnameseText.FoldAll(label);
        if (CountryWords.Contains(key)) return resolver.FindUnit(BoundarySets.CountryCode, null, asOf, "").Unit;
        // Within the document's scope first: the communes of the district the report is about.
        if (extraction.ReportingUnit is { Level: not "commune" } scope
            && names.ResolveOne(label, new UnitScope(scope.UnitCode, null, asOf)).Match is { } inScope)
            return inScope.Unit;
        var (unit, error) = resolver.FindUnit(null, label, asOf, Location(row, layout.LabelColumn));
        if (error is not null) extraction.Reject(Key(row), error);
        return unit;
    }

    private void AddFigure(UnitRecord? unit, RawRow row, int column, Period period, Indicator indicator, string kind, string? statedUnit, List<(int, Figure)> figures)
    {
        if (column >= row.Cells.Count) return;
        var text = Cell(row, column);
        var location = Location(row, column);
        var withUnit = statedUnit is not null && indicator.Unit == CatalogUnits.MillionVnd && !text.Any(char.IsLetter) && VietnameseNumber.Parse(text).IsNumber
            ? $"{text} {statedUnit}" : text;
        var (value, error) = resolver.ReadValue(withUnit, indicator, location);
        if (error is not null)
        {
            // A cell recognised from an image that does not read as a figure is the scanner's fault, not the
            // document's: it is skipped with a warning instead of rejecting the file.
            if (row.Boxes is { } ocrBoxes && column < ocrBoxes.Count && ocrBoxes[column]?.Confidence is { } ocr)
                extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "ocr.unreadable",
                    $"Ô '{text}' đọc bằng OCR (độ tin cậy {ocr:0}%) không thành số hợp lệ: không nạp; kiểm tra bản gốc. ({error.Message})",
                    location, unit?.UnitCode, period.Label, indicator.Code, text));
            else
                extraction.Reject(Key(row), error with { UnitCode = unit?.UnitCode, PeriodLabel = period.Label, IndicatorCode = indicator.Code });
            return;
        }
        if (value is not { } v || unit is null) return;
        if (row.Boxes is { } boxes && column < boxes.Count && Ocr.OcrConfidence.IsBelowFloor(boxes[column]))
        {
            ToReview(row, column, unit, period, indicator, kind, v, text, location, boxes[column]!.Confidence!.Value);
            return;
        }
        var figure = new Figure(unit, period, indicator, kind, v, new SourceCell(location, row.Cells[column]));
        extraction.Figures.Add(figure);
        figures.Add((column, figure));
        recognition.Figures++;
    }

    /// <summary>
    /// A figure OCR was unsure of is not loaded: it becomes a candidate for review (Duyệt số liệu) with the table row as
    /// its sentence, and a warning says so.
    /// </summary>
    private void ToReview(RawRow row, int column, UnitRecord unit, Period period, Indicator indicator, string kind, decimal value, string text,
        string location, double confidence)
    {
        var prefix = $"{ReportText.StripMarkup(row.Cells[Math.Min(layout.LabelColumn, row.Cells.Count - 1)])} — {period.Label}: ";
        var sentence = $"{prefix}{text} (OCR {confidence:0}%; hàng: {string.Join(" | ", row.Cells.Select(ReportText.StripMarkup))})";
        extraction.Candidates.Add(new Prose.ProseCandidate(unit.UnitCode, period.Label, indicator.Code, kind, value, indicator.Unit, text,
            Math.Round((decimal)confidence / 100m, 3), sentence, prefix.Length, text.Length, location));
        extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "ocr.low_confidence",
            $"Ô '{text}' đọc bằng OCR với độ tin cậy {confidence:0}% (dưới {Ocr.OcrConfidence.Floor:0}%): không nạp, chuyển sang Duyệt số liệu.",
            location, unit.UnitCode, period.Label, indicator.Code, text));
    }

    private void Unrecognised(RawRow row, string label)
    {
        recognition.UnrecognisedLabels.Add(label);
        extraction.Issues.Add(new ValidationIssue(ValidationIssue.Warning, "label.unknown",
            $"Không nhận ra chỉ tiêu của dòng '{label}'; số liệu của dòng này không được nạp.", Location(row, layout.LabelColumn), CellText: label));
    }

    private string Numbering(RawRow row) => layout.NumberingColumn is { } n
        ? Cell(row, n)
        : string.Join(" ", row.Cells.Take(layout.LabelColumn).Select(ReportText.StripMarkup)).Trim();

    private string Label(RawRow row)
    {
        var label = Cell(row, layout.LabelColumn);
        if (label.Length > 0) return label;
        return row.Cells.Take(layout.LabelColumn).Select(ReportText.StripMarkup).FirstOrDefault(c => c.Any(char.IsLetter) && !ReportText.IsNumbering(c)) ?? "";
    }

    private static string Cell(RawRow row, int column) => column < row.Cells.Count ? ReportText.StripMarkup(row.Cells[column]) : "";

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool IsSubNumbering(string numbering) => numbering.StartsWith('-') || numbering.StartsWith('+') || numbering.Contains('.') && numbering.Length > 2;

    public static bool IsTotalRow(string label) => TotalRowWords.Contains(ReportText.LabelKey(label));

    private string Key(RawRow row) => $"{table.Index}:{row.Line}";

    public string Location(RawRow row, int column) => Locations.Of(table, layout, row, column);
}

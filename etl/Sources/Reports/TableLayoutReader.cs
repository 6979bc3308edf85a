using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Reads any table's layout from its cells: the header band (<see cref="HeaderBand"/>), then each column's role — the
/// numbering (TT, STT, I, 1.1), the row labels, the unit of measure ("Đơn vị tính": người, %, lượt, triệu đồng), the
/// value columns with the period and kind their headers give (a group "Năm 2021" over "Kế hoạch | Thực hiện", "Năm" over
/// "2019") — and the orientation: indicators down the rows, units down the rows (one commune per row, a column per
/// period × indicator), or periods down the rows (indicators across, their unit in the header). A layout the form
/// memory knows is taken from it.
/// </summary>
public static class TableLayoutReader
{
    private const double Most = 0.6;

    public static TableLayout? Read(RawTable table, IndicatorLabelMatcher matcher, FormMemory? memory = null)
    {
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(ReportText.StripMarkup).ToList()).ToList();
        if (HeaderBand.Find(rows) is not { } band) return null;
        var signature = band.Signature();
        if (memory?.Find(signature) is { } known && Build(known, band, table, fromMemory: true) is { } remembered)
            return remembered with { Signature = signature, FromMemory = true };
        return Recognise(table, rows, band, matcher) is { } form ? Build(form, band, table, fromMemory: false) is { } layout ? layout with { Signature = signature } : null : null;
    }

    /// <summary>The kind a header states: target for plans and assigned targets, actual for results; null when silent.</summary>
    public static string? KindOf(string text)
    {
        var key = VietnameseText.FoldAll(text);
        if (TargetWords.Any(w => (" " + key + " ").Contains(" " + w + " ", StringComparison.Ordinal))) return Figure.Target;
        if (ActualWords.Any(w => (" " + key + " ").Contains(" " + w + " ", StringComparison.Ordinal))) return Figure.Actual;
        return null;
    }

    private static readonly string[] TargetWords = ["ke hoach", "chi tieu", "muc tieu", "giao chi tieu", "phan dau", "kh", "du kien"];
    private static readonly string[] ActualWords = ["thuc hien", "ket qua", "thuc te", "th", "uoc thuc hien", "uoc th"];

    private static FormLayout? Recognise(RawTable table, List<IReadOnlyList<string>> rows, HeaderBand band, IndicatorLabelMatcher matcher)
    {
        var data = rows.Skip(band.End).ToList();
        List<string> Texts(int c) => data.Select(r => c < r.Count ? r[c] : "").Where(t => t.Length > 0 && VietnameseNumber.Parse(t).Kind != CellValueKind.NotReported).ToList();

        var periodColumn = Enumerable.Range(0, Math.Min(3, band.Width)).Cast<int?>().FirstOrDefault(c =>
        {
            var texts = Texts(c!.Value);
            return texts.Count >= 2 && texts.Count(t => PeriodHeader.TryParse(t, out _)) >= Most * texts.Count;
        });
        if (periodColumn is { } pc && Transposed(band, pc, matcher, Texts) is { } transposed) return transposed;

        var label = Enumerable.Range(0, band.Width).Cast<int?>().FirstOrDefault(c =>
        {
            var texts = Texts(c!.Value);
            var words = texts.Count(t => t.Any(char.IsLetter) && !ReportText.IsNumbering(t) && !IsUnitWord(t));
            return texts.Count > 0 && words >= 0.5 * texts.Count && HeaderText.PeriodOf(band[c.Value]).Period is null;
        });
        if (label is not { } labelColumn) return null;

        var uom = Enumerable.Range(labelColumn + 1, Math.Max(0, band.Width - labelColumn - 1)).Cast<int?>().FirstOrDefault(c =>
        {
            var header = string.Join(" ", band[c!.Value].Select(VietnameseText.FoldAll));
            var texts = Texts(c.Value);
            return header.Contains("don vi tinh") || header is "dvt" or "d v t" || texts.Count > 0 && texts.Count(IsUnitWord) >= Most * texts.Count;
        });
        var numbering = labelColumn > 0 ? labelColumn - 1 : (int?)null;

        var labels = data.Select(r => labelColumn < r.Count ? r[labelColumn] : "").Where(t => t.Length > 0).ToList();
        var matched = labels.Count(l => matcher.Match(l, null, false) is not null);
        var roles = new List<ColumnRole>();
        var columnIndicators = 0;
        for (var c = labelColumn + 1; c < band.Width; c++)
        {
            if (c == uom) continue;
            var stack = band[c];
            if (stack.Count == 0 || HeaderText.IsComparison(stack)) continue;
            var (period, _) = HeaderText.PeriodOf(stack);
            var subject = HeaderText.Subjects(stack).Select(s => (Text: s, Indicator: matcher.Match(s, null, false))).FirstOrDefault(s => s.Indicator is not null);
            if (subject.Indicator is not null) columnIndicators++;
            var kind = HeaderText.KindOf(stack);
            var source = period is not null ? ColumnRole.FromHeader : ColumnRole.FromReference;
            roles.Add(new ColumnRole(c, subject.Indicator?.Code, kind, source, subject.Text is { } t ? ReportText.LabelUnit(t) : null));
        }

        var perUnit = matched < 0.5 * labels.Count && labels.Count > 0;
        if (perUnit && columnIndicators == 0 && TitleIndicator(table, matcher) is { } titleIndicator)
            return new FormLayout(TableOrientation.UnitRows, labelColumn, uom, numbering, band.End - band.Start,
                roles.Where(r => r.Period == ColumnRole.FromHeader).Select(r => r with { IndicatorCode = titleIndicator.Code }).ToList(), titleIndicator.Code);
        if (perUnit && columnIndicators > 0)
            return new FormLayout(TableOrientation.UnitRows, labelColumn, uom, numbering, band.End - band.Start, roles.Where(r => r.IndicatorCode is not null).ToList());
        var indicatorRoles = roles.Where(r => r.Period == ColumnRole.FromHeader || r.Kind is not null).Select(r => r with { IndicatorCode = null }).ToList();
        return indicatorRoles.Any(r => r.Period == ColumnRole.FromHeader)
            ? new FormLayout(TableOrientation.IndicatorRows, labelColumn, uom, numbering, band.End - band.Start, indicatorRoles)
            : null;
    }

    private static FormLayout? Transposed(HeaderBand band, int periodColumn, IndicatorLabelMatcher matcher, Func<int, List<string>> texts)
    {
        var roles = new List<ColumnRole>();
        for (var c = periodColumn + 1; c < band.Width; c++)
        {
            var stack = band[c];
            if (stack.Count == 0 || HeaderText.IsComparison(stack)) continue;
            var subject = HeaderText.Subjects(stack).Select(s => (Text: s, Indicator: matcher.Match(s, null, false))).FirstOrDefault(s => s.Indicator is not null);
            if (subject.Indicator is null) continue;
            roles.Add(new ColumnRole(c, subject.Indicator.Code, HeaderText.KindOf(stack), ColumnRole.None, ReportText.LabelUnit(subject.Text)));
        }
        return roles.Count == 0 ? null
            : new FormLayout(TableOrientation.PeriodRows, periodColumn, null, periodColumn > 0 ? periodColumn - 1 : null, band.End - band.Start, roles);
    }

    private static Indicator? TitleIndicator(RawTable table, IndicatorLabelMatcher matcher)
    {
        if (table.Title is not { } title) return null;
        var text = HeaderText.Find(title)?.Remainder ?? title;
        return matcher.Match(text, null, false);
    }

    /// <summary>Rebuilds the value columns of a form over this table's header: each column's period read from its header now.</summary>
    private static TableLayout? Build(FormLayout form, HeaderBand band, RawTable table, bool fromMemory)
    {
        if (band.End - band.Start != form.HeaderRows) return null;
        var catalog = IndicatorCatalog.Bundled;
        var columns = new Dictionary<int, TableColumn>();
        var skipped = new List<(int, string, string)>();
        var dated = form.Columns.Where(r => r.Period == ColumnRole.FromHeader)
            .Select(r => PeriodOf(band[r.Column], fromMemory)).OfType<Period>().Distinct().ToList();
        var reference = ReferencePeriod(table, dated);
        foreach (var role in form.Columns)
        {
            var header = string.Join(" / ", band[role.Column]);
            var period = role.Period switch
            {
                ColumnRole.FromHeader => PeriodOf(band[role.Column], fromMemory),
                ColumnRole.FromReference => reference,
                _ => null,
            };
            if (role.Period != ColumnRole.None && period is null)
            {
                skipped.Add((role.Column, header, role.Period == ColumnRole.FromReference
                    ? "cột không ghi kỳ báo cáo và bảng không có một kỳ tham chiếu rõ ràng" : "không đọc được kỳ báo cáo trong tiêu đề cột"));
                continue;
            }
            var indicator = role.IndicatorCode is null ? null : catalog.Find(role.IndicatorCode);
            columns[role.Column] = new TableColumn(period, indicator, role.Kind, header) { StatedUnit = role.StatedUnit };
        }
        if (columns.Count == 0) return null;
        return new TableLayout(columns, band.End, form.Orientation, form.LabelColumn)
        {
            HeaderStart = band.Start, Form = form, UnitOfMeasureColumn = form.UnitOfMeasureColumn, NumberingColumn = form.NumberingColumn, Skipped = skipped,
        };
    }

    // The memory knows a column holds a period, so it may read a year the scan confused ("2O21", "2l22").
    private static Period? PeriodOf(IReadOnlyList<string> stack, bool fromMemory)
    {
        if (HeaderText.PeriodOf(stack).Period is { } period) return period;
        return fromMemory && HeaderText.PeriodOf(stack.Select(OcrDigits.InNumbers).ToList()).Period is { } fixedPeriod ? fixedPeriod : null;
    }

    /// <summary>A table's reference period: the one period its title names, else the one period all its dated columns share.</summary>
    private static Period? ReferencePeriod(RawTable table, List<Period> dated)
    {
        if (table.Title is { } title && HeaderText.Find(title) is { } found) return found.Period;
        return dated.Count == 1 ? dated[0] : null;
    }

    /// <summary>"Người", "%", "Lượt", "triệu đồng", "hộ": a unit of measure, not a label.</summary>
    public static bool IsUnitWord(string text) =>
        text.Length > 0 && !text.Any(char.IsDigit) && StatedUnit.Read(text) is { } unit && unit != StatedUnit.None;
}

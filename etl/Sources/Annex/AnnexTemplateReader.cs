using Bhyt.Etl.Loading;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Etl.Sources.Reports;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Annex;

/// <summary>
/// Reads a filled annex template by its hidden marker (<see cref="AnnexMarker"/>): every mapped cell of every table, as
/// the unit, period, indicator and kind the marker names — no layout is guessed. Empty and "-" cells are not reported;
/// a cell that does not read as a figure rejects the file, naming the cell. The note rows become the submission's note.
/// A template restates only what changed: figures equal to the current ones are not loaded again
/// (<see cref="DropUnchanged"/>), so a template sent back with one figure changed supersedes that figure alone.
/// </summary>
public sealed class AnnexTemplateReader(FigureResolver resolver, UnitDirectory units)
{
    public ReportReading Read(RawDocument document, AnnexMarker marker)
    {
        var extraction = new Extraction();
        var notes = new List<string>();
        foreach (var marked in marker.Tables)
        {
            var table = marked.Sheet is { } sheet ? document.Tables.FirstOrDefault(t => t.Sheet == sheet)
                : marked.TableIndex < document.Tables.Count ? document.Tables[marked.TableIndex] : null;
            var name = $"Phụ lục {marked.Form}" + (marked.Sheet is { } s ? $" (trang tính '{s}')" : $" (bảng {marked.TableIndex + 1})");
            if (table is null)
            {
                extraction.Reject(name, ValidationIssue.ErrorAt("template.table_missing",
                    $"Biểu mẫu thiếu bảng {name} mà dấu biểu mẫu ghi nhận; không sửa cấu trúc biểu mẫu.", name));
                continue;
            }
            var asOf = marked.Columns.Select(c => FigureResolver.AsOf(Period.Parse(c.PeriodLabel))).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.Today)).Max();
            var unit = units.FindByCode(marked.UnitCode, asOf) ?? units.Units.FirstOrDefault(u => u.UnitCode == marked.UnitCode);
            if (unit is null)
            {
                extraction.Reject(name, ValidationIssue.ErrorAt("unit.unknown", $"Mã đơn vị '{marked.UnitCode}' của {name} không có trong danh mục.", name, marked.UnitCode));
                continue;
            }
            ReadTable(table, marked, unit, name, extraction);
            if (Cell(table, marked.NoteLine, marked.NoteColumn) is { Length: > 0 } note) notes.Add($"{name}, {unit.Name}: {note}");
        }
        var tableUnits = marker.Tables.Select(t => t.UnitCode).Distinct().ToList();
        extraction.ReportingUnit = units.FindByCode(tableUnits.Count == 1 ? tableUnits[0] : marker.UnitCode, DateOnly.FromDateTime(DateTime.Today))
            ?? units.Units.FirstOrDefault(u => u.UnitCode == (tableUnits.Count == 1 ? tableUnits[0] : marker.UnitCode));
        if (notes.Count > 0) extraction.Note = "Ghi chú trong biểu mẫu: " + string.Join(" | ", notes);
        else if (extraction.Figures.Count == 0 && !extraction.Issues.Any(i => i.IsError))
            extraction.Note = $"Biểu mẫu phụ lục ({marker.Tables.Count} bảng) chưa điền số liệu nào; không có số liệu để nạp.";
        return new ReportReading(extraction, []) { RestatesOnlyChanges = true };
    }

    private void ReadTable(RawTable table, MarkedTable marked, UnitRecord unit, string name, Extraction extraction)
    {
        var catalog = IndicatorCatalog.Bundled;
        foreach (var markedRow in marked.Rows)
        {
            if (catalog.Find(markedRow.IndicatorCode) is not { } indicator) continue;
            foreach (var column in marked.Columns)
            {
                var text = Cell(table, markedRow.Line, column.Column);
                var location = $"{name}, {unit.Name}, dòng {markedRow.Line}, cột {column.Column + 1} ({column.PeriodLabel})";
                var (value, error) = resolver.ReadValue(text, indicator, location);
                if (error is not null)
                {
                    extraction.Reject($"{name}:{markedRow.Line}", error with { UnitCode = unit.UnitCode, PeriodLabel = column.PeriodLabel, IndicatorCode = indicator.Code });
                    continue;
                }
                if (value is { } v)
                    extraction.Figures.Add(new Figure(unit, Period.Parse(column.PeriodLabel), indicator, column.ValueKind, v, new SourceCell(location, text)));
            }
        }
    }

    private static string Cell(RawTable table, int line, int column) =>
        table.Rows.FirstOrDefault(r => r.Line == line) is { } row && column < row.Cells.Count ? row.Cells[column].Trim() : "";

    /// <summary>Leaves out the figures equal to the unit's current figure for the same period, indicator and kind.</summary>
    public static void DropUnchanged(Extraction extraction, IReadOnlyList<PreviousValue> current)
    {
        var known = current.GroupBy(c => (c.UnitKey, c.PeriodLabel, c.IndicatorCode, c.ValueKind)).ToDictionary(g => g.Key, g => g.Select(c => c.Value).ToHashSet());
        extraction.Figures.RemoveAll(f => known.TryGetValue((f.Unit.UnitKey, f.Period.Label, f.Indicator.Code, f.ValueKind), out var values) && values.Contains(f.Value));
    }
}

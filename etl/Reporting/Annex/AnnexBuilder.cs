using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Builds an <see cref="AnnexBook"/> from the warehouse: a table per form for the unit and, for the forms filled per child
/// unit, one per child unit holding figures of that form; or, for a blank template, the empty forms for the unit or for
/// each of its child units. A period gets a "Kế hoạch" column beside "Thực hiện" when the form holds any target.
/// </summary>
public sealed class AnnexBuilder(IWarehouseEngine engine)
{
    public async Task<AnnexBook> BuildAsync(AnnexRequest request, CancellationToken ct)
    {
        var units = await UnitDirectory.LoadAsync(engine, ct);
        var asOf = request.Periods.Max(p => p.End);
        var unit = units.FindByCode(request.UnitCode, asOf) ?? units.Units.FirstOrDefault(u => u.UnitCode == request.UnitCode.Trim())
            ?? throw new ArgumentException($"Mã đơn vị '{request.UnitCode}' không có trong danh mục (--unit).");
        var children = units.Units.Where(u => u.ParentKey == unit.UnitKey && u.IsValidOn(unit.ValidTo is { } end && end < asOf ? end : asOf))
            .OrderBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
        var self = new AnnexUnit(unit.UnitCode, unit.Name);
        var today = DateOnly.FromDateTime(DateTime.Now);

        if (request.Blank)
        {
            if (request.Children && children.Count == 0)
                throw new ArgumentException($"Đơn vị {unit.Name} ({unit.UnitCode}) không có đơn vị trực thuộc (--children).");
            var blankUnits = request.Children ? children.Select(c => new AnnexUnit(c.UnitCode, c.Name)).ToList() : [self];
            var blank = request.Forms.SelectMany(form => blankUnits.Select(u => Table(form, u, request, [], [], hasTargets: false) with { IsChild = request.Children }));
            return new AnnexBook(self, request.Periods, blank.ToList(), Blank: true, today);
        }

        var codes = request.Forms.SelectMany(f => f.IndicatorCodes).Distinct().ToList();
        var unitCodes = children.Select(c => c.UnitCode).Prepend(unit.UnitCode).ToList();
        var (figures, warnings) = await new AnnexQuery(engine).ReadAsync(unitCodes, request.Periods.Select(p => p.Label).ToList(), codes, ct);
        var tables = new List<AnnexTable>();
        foreach (var form in request.Forms)
        {
            var formCodes = form.IndicatorCodes.ToHashSet();
            var ofForm = figures.Where(f => formCodes.Contains(f.IndicatorCode)).ToList();
            var hasTargets = ofForm.Any(f => f.ValueKind == Figure.Target);
            var formWarnings = warnings.Where(w => formCodes.Contains(w.IndicatorCode)).ToList();
            tables.Add(Table(form, self, request, ofForm, formWarnings, hasTargets));
            if (!form.PerChildUnit) continue;
            foreach (var child in children.Where(c => ofForm.Any(f => f.UnitCode == c.UnitCode)))
                tables.Add(Table(form, new AnnexUnit(child.UnitCode, child.Name), request, ofForm, formWarnings, hasTargets) with { IsChild = true });
        }
        return new AnnexBook(self, request.Periods, tables, Blank: false, today);
    }

    private static AnnexTable Table(AnnexForm form, AnnexUnit unit, AnnexRequest request, IEnumerable<AnnexFigure> figures,
        IEnumerable<AnnexQuery.Warning> warnings, bool hasTargets)
    {
        var kinds = hasTargets ? new[] { Figure.Target, Figure.Actual } : [Figure.Actual];
        var columns = request.Periods.SelectMany(p => kinds.Select(k => new AnnexColumn(p, k))).ToList();
        var labels = request.Periods.Select(p => p.Label).ToHashSet();
        var cells = figures.Where(f => f.UnitCode == unit.Code).ToDictionary(f => (f.IndicatorCode, f.PeriodLabel, f.ValueKind));
        var notes = warnings.Where(w => w.UnitCode == unit.Code && (w.PeriodLabel is null || labels.Contains(w.PeriodLabel)))
            .Select(w => w.Text).Distinct().ToList();
        return new AnnexTable(form, unit, columns, hasTargets, cells, notes);
    }
}

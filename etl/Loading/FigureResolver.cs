using Bhyt.Etl.Parsing;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Turns the texts of one figure (unit, period, indicator, value, kind) into a <see cref="Figure"/>, or into the
/// errors that say why not. Shared by every reader so that the same text means the same thing in any format.
/// </summary>
public sealed class FigureResolver(UnitDirectory units, UnitNameResolver names, IndicatorCatalog catalog, string? scopeUnitCode)
{
    /// <summary>Unit lookups use the period's end, but never a date before the catalogue's boundary set begins.</summary>
    public static DateOnly AsOf(Period period) =>
        period.End < BoundarySets.Pre2025ValidFrom ? BoundarySets.Pre2025ValidFrom : period.End;

    // Catalog names folded once, not on every row that names its indicator in Vietnamese.
    private readonly Dictionary<string, Indicator> _byFoldedName = catalog.All
        .GroupBy(i => VietnameseText.FoldAll(i.NameVi)).ToDictionary(g => g.Key, g => g.First());

    public Indicator? FindIndicator(string text)
    {
        var trimmed = text.Trim();
        return catalog.Find(trimmed) ?? _byFoldedName.GetValueOrDefault(VietnameseText.FoldAll(trimmed));
    }

    /// <summary>The unit a row names by code or by name, valid on <paramref name="asOf"/>; an error when unknown or ambiguous.</summary>
    public (UnitRecord? Unit, ValidationIssue? Error) FindUnit(string? code, string? name, DateOnly asOf, string location)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var unit = units.FindByCode(code, asOf);
            return unit is null
                ? (null, ValidationIssue.ErrorAt("unit.unknown", $"Mã đơn vị '{code}' không có trong danh mục (hiệu lực ngày {asOf:dd/MM/yyyy}).", location, code))
                : (unit, null);
        }
        if (string.IsNullOrWhiteSpace(name))
            return (null, ValidationIssue.ErrorAt("unit.missing", "Thiếu cả mã đơn vị (unit_code) lẫn tên đơn vị (unit_name).", location));

        var (match, candidates) = names.ResolveOne(name, new UnitScope(scopeUnitCode, null, asOf));
        if (match is not null) return (match.Unit, null);
        var message = candidates.Count == 0
            ? $"Không tìm thấy đơn vị '{name}' trong danh mục{ScopeText()}."
            : $"Tên đơn vị '{name}' không xác định được duy nhất{ScopeText()}; có thể là: " +
              string.Join("; ", candidates.Take(5).Select(c => $"{c.Unit.Name} ({c.Unit.UnitCode}, {c.Confidence:0.00})")) + ". Hãy ghi mã đơn vị.";
        return (null, ValidationIssue.ErrorAt(candidates.Count == 0 ? "unit.unknown" : "unit.ambiguous", message, location, name));
    }

    /// <summary>Reads a value in the indicator's unit; NotReported gives (null, null).</summary>
    public (decimal? Value, ValidationIssue? Error) ReadValue(string? text, Indicator indicator, string location)
    {
        var cell = VietnameseNumber.Parse(text, indicator.Unit);
        return cell.Kind switch
        {
            CellValueKind.NotReported => (null, null),
            CellValueKind.Invalid => (null, ValidationIssue.ErrorAt("value.unparseable", cell.Error ?? $"Không đọc được giá trị '{text}'.", location, text)),
            _ => ValueBounds.Check(indicator, cell.Value, location, text),
        };
    }

    private string ScopeText() => scopeUnitCode is null ? "" : $" thuộc đơn vị {scopeUnitCode}";
}

using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Dashboard.Components.Shared;

/// <summary>
/// What a page says when the unit it shows holds synthetic data (provinces of the warehouse's synthetic sources,
/// <see cref="SourceDirectory.SyntheticUnits"/>), so a generated figure is never mistaken for a real one.
/// </summary>
public static class SyntheticNotes
{
    /// <summary>What a page says of <paramref name="unit"/> when synthetic data is involved, or null.</summary>
    public static string? NoteFor(UnitInfo unit, IReadOnlySet<string> provinces)
    {
        if (provinces.Count == 0) return null;
        if (unit.Level == "country")
            return $"Lưu ý: kho có dữ liệu mô phỏng (tổng hợp) của tỉnh mã {string.Join(", ", provinces.Order())}; số liệu toàn quốc \"từ hồ sơ KCB\" chỉ gồm hồ sơ mô phỏng đó, không phải số liệu thật.";
        return IsSynthetic(unit, provinces)
            ? "Dữ liệu mô phỏng (tổng hợp) do BhytAnalytics sinh ra để minh hoạ, không phải số liệu thật của đơn vị này."
            : null;
    }

    /// <summary>True when a (pre-2025) unit row shows synthetic figures.</summary>
    public static bool IsSynthetic(UnitInfo unit, IReadOnlySet<string> provinces) =>
        unit.Set == BoundarySets.Pre2025 && provinces.Contains(unit.ProvinceCode ?? unit.Code);
}

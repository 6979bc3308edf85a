using Bhyt.Dashboard.SampleData;

namespace Bhyt.Dashboard.Queries;

/// <summary>
/// Tells a page when the unit it shows holds synthetic sample data (submissions whose file names start with
/// <see cref="SampleDataOptions.SyntheticPrefix"/>), so a generated figure is never mistaken for a real one.
/// </summary>
public sealed class SampleLabels(DashboardDb db)
{
    /// <summary>Codes of the provinces whose submissions are synthetic (file names <c>mo-phong-tinh-&lt;code&gt;-…</c>).</summary>
    public async Task<IReadOnlySet<string>> ProvincesAsync(CancellationToken ct) =>
        (await db.QueryAsync("""
            SELECT DISTINCT substring(file_name, @start, 2) FROM rpt.submissions WHERE file_name LIKE @prefix
            """, new { start = SampleDataOptions.SyntheticPrefix.Length + 1, prefix = SampleDataOptions.SyntheticPrefix + "%" }, r => r.GetString(0), ct))
        .ToHashSet();

    /// <summary>What a page says of <paramref name="unit"/> when synthetic data is involved, or null.</summary>
    public static string? NoteFor(UnitInfo unit, IReadOnlySet<string> provinces)
    {
        if (provinces.Count == 0) return null;
        if (unit.Level == "country")
            return $"Lưu ý: kho có dữ liệu mô phỏng (tổng hợp) của tỉnh mã {string.Join(", ", provinces.Order())}; số liệu toàn quốc \"từ hồ sơ KCB\" chỉ gồm hồ sơ mô phỏng đó, không phải số liệu thật.";
        return unit.Set == Bhyt.Warehouse.Reference.BoundarySets.Pre2025 && provinces.Contains(unit.ProvinceCode ?? unit.Code)
            ? "Dữ liệu mô phỏng (tổng hợp) do BhytAnalytics sinh ra để minh hoạ, không phải số liệu thật của đơn vị này."
            : null;
    }

    /// <summary>True when a child unit row shows synthetic figures.</summary>
    public static bool IsSynthetic(UnitInfo unit, IReadOnlySet<string> provinces) =>
        unit.Set == Bhyt.Warehouse.Reference.BoundarySets.Pre2025 && provinces.Contains(unit.ProvinceCode ?? unit.Code);
}

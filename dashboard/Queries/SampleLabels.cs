using Bhyt.Dashboard.SampleData;

namespace Bhyt.Dashboard.Queries;

/// <summary>
/// Tells a page when the unit it shows holds synthetic sample data (submissions whose file names start with
/// <see cref="SampleDataOptions.SyntheticPrefix"/>), so a generated figure is never mistaken for a real one.
/// </summary>
public sealed class SampleLabels(DashboardDb db)
{
    public async Task<string?> NoteForAsync(UnitInfo unit, CancellationToken ct)
    {
        var provinces = await db.QueryAsync("""
            SELECT DISTINCT substring(file_name, @start, 2) FROM rpt.submissions WHERE file_name LIKE @prefix
            """, new { start = SampleDataOptions.SyntheticPrefix.Length + 1, prefix = SampleDataOptions.SyntheticPrefix + "%" }, r => r.GetString(0), ct);
        if (provinces.Count == 0) return null;
        if (unit.Level == "country")
            return $"Lưu ý: kho có dữ liệu mô phỏng (tổng hợp) của tỉnh mã {string.Join(", ", provinces)}; số liệu toàn quốc \"từ hồ sơ KCB\" chỉ gồm hồ sơ mô phỏng đó, không phải số liệu thật.";
        return provinces.Contains(unit.ProvinceCode ?? unit.Code)
            ? "Dữ liệu mô phỏng (tổng hợp) do BhytAnalytics sinh ra để minh hoạ, không phải số liệu thật của đơn vị này."
            : null;
    }
}

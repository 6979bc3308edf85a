namespace Bhyt.Dashboard.Queries;

/// <summary>
/// Tells a page when the unit it shows holds synthetic sample data (loaded on first start, listed in
/// <c>rpt.sample_loads</c>), so a generated figure is never mistaken for a real one.
/// </summary>
public sealed class SampleLabels(DashboardDb db)
{
    private IReadOnlyList<(string Province, string Label)>? _synthetic;

    public async Task<string?> NoteForAsync(UnitInfo unit, CancellationToken ct)
    {
        _synthetic ??= await db.QueryAsync("""
            SELECT province_code, label_vi FROM rpt.sample_loads WHERE kind = 'synthetic' AND province_code IS NOT NULL
            """, null, r => (r.GetString(0), r.GetString(1)), ct);
        var province = unit.ProvinceCode ?? unit.Code;
        var hit = _synthetic.FirstOrDefault(s => s.Province == province || unit.Level == "country");
        if (hit.Province is null) return null;
        return unit.Level == "country"
            ? $"Lưu ý: kho có dữ liệu mô phỏng (tổng hợp) của tỉnh mã {hit.Province}; số liệu toàn quốc \"từ hồ sơ KCB\" chỉ gồm hồ sơ mô phỏng đó, không phải số liệu thật."
            : $"Dữ liệu mô phỏng (tổng hợp), không phải số liệu thật: {hit.Label}";
    }

    /// <summary>Forgets the cached list (after a sample load).</summary>
    public void Reset() => _synthetic = null;
}

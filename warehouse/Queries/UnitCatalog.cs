using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;
using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Queries;

/// <summary>One administrative unit as the dashboard shows it.</summary>
public sealed record UnitInfo(string Code, string Name, string Level, string? ParentCode, string? ProvinceCode, string Set)
{
    internal string Folded { get; init; } = "";

    /// <summary>"Tỉnh", "Huyện"… for labels.</summary>
    public string LevelVi => Level switch
    {
        "country" => "Toàn quốc",
        "province" => "Tỉnh/thành phố",
        "district" => "Quận/huyện",
        _ => "Xã/phường",
    };

    /// <summary>The level one step down, or null for communes.</summary>
    public string? ChildLevel(string set) => Level switch
    {
        "country" => "province",
        "province" => set == BoundarySets.Post2025 ? "commune" : "district",
        "district" => "commune",
        _ => null,
    };
}

/// <summary>
/// The units of both boundary sets from <c>rpt.units</c>, loaded once (about 14,000 rows) and searched in
/// memory: by name with or without diacritics ("da lat" finds "Thành phố Đà Lạt"), children, ancestors.
/// </summary>
public sealed class UnitCatalog(ReportingDb db)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<(string Set, string Code), UnitInfo>? _units;
    private ILookup<(string Set, string Parent), UnitInfo>? _children;

    public async Task<UnitInfo?> FindAsync(string set, string code, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return _units!.GetValueOrDefault((set, code));
    }

    /// <summary>The unit when the catalogue is already loaded (after any async call), otherwise null.</summary>
    public UnitInfo? Find(string set, string code) => _units?.GetValueOrDefault((set, code));

    public async Task<IReadOnlyList<UnitInfo>> ChildrenAsync(string set, string code, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var unit = _units!.GetValueOrDefault((set, code));
        if (unit is null) return [];
        var level = unit.ChildLevel(set);
        return _children![(set, code)].Where(c => c.Level == level).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The unit and every unit below it in the boundary set (a province's districts and communes).</summary>
    public async Task<IReadOnlyList<UnitInfo>> SelfAndDescendantsAsync(string set, string code, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var result = new List<UnitInfo>();
        var pending = new Queue<UnitInfo>();
        if (_units!.GetValueOrDefault((set, code)) is { } start) pending.Enqueue(start);
        while (pending.TryDequeue(out var unit))
        {
            result.Add(unit);
            foreach (var child in _children![(set, unit.Code)]) pending.Enqueue(child);
        }
        return result;
    }

    /// <summary>The units of one level in one boundary set, by code (e.g. the provinces an account's scope may name).</summary>
    public async Task<IReadOnlyList<UnitInfo>> AtLevelAsync(string set, string level, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return _units!.Values.Where(u => u.Set == set && u.Level == level).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The chain from the country down to <paramref name="code"/> (for the breadcrumb).</summary>
    public async Task<IReadOnlyList<UnitInfo>> PathAsync(string set, string code, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var path = new List<UnitInfo>();
        var units = _units!;
        for (var unit = units.GetValueOrDefault((set, code)); unit is not null; unit = unit.ParentCode is { } p ? units.GetValueOrDefault((set, p)) : null)
            path.Insert(0, unit);
        return path;
    }

    /// <summary>Units of <paramref name="set"/> whose name contains the words typed, diacritics optional; provinces first.</summary>
    public async Task<IReadOnlyList<UnitInfo>> SearchAsync(string set, string text, int limit, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        var words = VietnameseText.FoldAll(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        return _units!.Values
            .Where(u => u.Set == set && (u.Code == text.Trim() || words.All(w => u.Folded.Contains(w, StringComparison.Ordinal))))
            .OrderBy(u => LevelRank(u.Level)).ThenBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Take(limit)
            .ToList();
    }

    /// <summary><see cref="SearchAsync(string, string, int, CancellationToken)"/> among the units of <paramref name="access"/> only.</summary>
    public async Task<IReadOnlyList<UnitInfo>> SearchAsync(string set, string text, int limit, UnitAccess access, CancellationToken ct) =>
        (await SearchAsync(set, text, access.IsCountry ? limit : int.MaxValue, ct)).Where(access.Allows).Take(limit).ToList();

    /// <summary>The breadcrumb within <paramref name="access"/>: the path down to the unit without the ancestors above the scope.</summary>
    public async Task<IReadOnlyList<UnitInfo>> PathAsync(string set, string code, UnitAccess access, CancellationToken ct) =>
        (await PathAsync(set, code, ct)).Where(access.Allows).ToList();

    /// <summary>
    /// Where an account lands in a boundary set: the country, its scope unit, or in the other set the first unit (by code)
    /// of the highest level wholly inside the scope; null when the scope reaches no unit of that set.
    /// </summary>
    public async Task<UnitInfo?> HomeAsync(string set, UnitAccess access, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        if (access.IsCountry) return _units!.GetValueOrDefault((set, BoundarySets.CountryCode));
        if (access.Scope.Set == set) return _units!.GetValueOrDefault((set, access.Scope.Code));
        return access.CodesIn(set).Select(code => _units!.GetValueOrDefault((set, code))).OfType<UnitInfo>()
            .Where(u => u.ParentCode is null || !access.Allows(set, u.ParentCode))
            .OrderBy(u => LevelRank(u.Level)).ThenBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
    }

    private static int LevelRank(string level) => level switch { "country" => 0, "province" => 1, "district" => 2, _ => 3 };

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (_units is not null) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_units is not null) return;
            var rows = await db.QueryAsync("""
                SELECT unit_code, name, level, parent_code, province_code, boundary_set
                FROM rpt.units
                """, null, r => (Code: r.GetString(0), Name: r.GetString(1), Level: r.GetString(2), Parent: ReportingDb.Text(r, 3),
                    Province: ReportingDb.Text(r, 4), Set: r.GetString(5)), ct);
            var units = new List<UnitInfo>();
            // The country ('national') is the same unit in both boundary sets.
            foreach (var row in rows)
                foreach (var set in row.Set == BoundarySets.National ? new[] { BoundarySets.Pre2025, BoundarySets.Post2025 } : [row.Set])
                    units.Add(new UnitInfo(row.Code, row.Name, row.Level, row.Parent, row.Province, set) { Folded = VietnameseText.FoldAll(row.Name) });
            _children = units.Where(u => u.ParentCode is not null).ToLookup(u => (u.Set, u.ParentCode!));
            _units = units.ToDictionary(u => (u.Set, u.Code));
        }
        finally
        {
            _gate.Release();
        }
    }
}

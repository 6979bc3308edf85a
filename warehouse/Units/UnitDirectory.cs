using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Units;

/// <summary>The administrative units of a warehouse in memory, with their ancestry, for name and code lookups.</summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<int, UnitRecord> _byKey;
    private readonly ILookup<string, UnitRecord> _byCode;

    public UnitDirectory(IReadOnlyList<UnitRecord> units)
    {
        Units = units;
        _byKey = units.ToDictionary(u => u.UnitKey);
        _byCode = units.ToLookup(u => u.UnitCode);
    }

    public IReadOnlyList<UnitRecord> Units { get; }

    public static async Task<UnitDirectory> LoadAsync(IWarehouseEngine engine, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var units = await connection.QueryAsync<UnitRecord>(new CommandDefinition("""
            SELECT unit_key AS UnitKey, unit_code AS UnitCode, level AS Level, name AS Name, short_name AS ShortName,
                   unit_type AS UnitType, parent_key AS ParentKey, province_code AS ProvinceCode, boundary_set AS BoundarySet,
                   valid_from AS ValidFrom, valid_to AS ValidTo
            FROM dw.dim_unit
            """, cancellationToken: ct));
        return new UnitDirectory(units.ToList());
    }

    public UnitRecord? FindByKey(int unitKey) => _byKey.GetValueOrDefault(unitKey);

    /// <summary>The unit with this official code valid on <paramref name="asOf"/>.</summary>
    public UnitRecord? FindByCode(string code, DateOnly asOf) =>
        _byCode[code.Trim()].FirstOrDefault(u => u.IsValidOn(asOf));

    /// <summary>The unit's parent, grandparent, ... up to the country (not the unit itself).</summary>
    public IEnumerable<UnitRecord> Ancestors(UnitRecord unit)
    {
        for (var key = unit.ParentKey; key is { } k && _byKey.TryGetValue(k, out var parent); key = parent.ParentKey)
            yield return parent;
    }
}

using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Reference;

/// <summary>
/// Loads both boundary sets into <c>dw.dim_unit</c> (natural key: code + valid_from, surrogate keys kept across
/// reloads) and rebuilds the old → new bridge <c>dw.unit_succession</c>.
/// </summary>
internal sealed class AdminUnitLoader(IWarehouseEngine engine)
{
    private static readonly string[] UnitColumns =
    [
        "unit_key", "unit_code", "level", "name", "short_name", "unit_type", "parent_key", "parent_code",
        "province_code", "boundary_set", "valid_from", "valid_to", "source",
    ];

    private static readonly string[] LinkColumns = ["old_unit_key", "new_unit_key", "merge_type", "weight", "weight_basis"];

    public async Task<int> LoadAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<AdminUnitRecord> units, IReadOnlyList<UnitLinkRecord> links, CancellationToken ct)
    {
        var keys = (await connection.QueryAsync<(string Code, DateOnly ValidFrom, int Key)>(new CommandDefinition(
                "SELECT unit_code, valid_from, unit_key FROM dw.dim_unit", transaction: transaction, cancellationToken: ct)))
            .ToDictionary(row => (row.Code, row.ValidFrom), row => row.Key);
        var existing = keys.Keys.ToHashSet();

        var added = units.Where(u => !keys.ContainsKey((u.UnitCode, u.ValidFrom))).ToList();
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_unit", added.Count, ct);
        for (var i = 0; i < added.Count; i++) keys[(added[i].UnitCode, added[i].ValidFrom)] = (int)(first + i);

        var byCodeAndSet = units.ToDictionary(u => (u.UnitCode, u.BoundarySet), u => keys[(u.UnitCode, u.ValidFrom)]);
        int? ParentKey(AdminUnitRecord u) => u.ParentCode is null ? null
            : byCodeAndSet.TryGetValue((u.ParentCode, u.BoundarySet), out var k) ? k
            : byCodeAndSet[(u.ParentCode, BoundarySets.National)];

        await engine.BulkInsertAsync(connection, transaction, "dw.dim_unit", UnitColumns,
            added.Select(u => new object?[]
            {
                keys[(u.UnitCode, u.ValidFrom)], u.UnitCode, u.Level, u.Name, u.ShortName, u.UnitType, ParentKey(u), u.ParentCode,
                u.ProvinceCode, u.BoundarySet, u.ValidFrom, u.ValidTo, u.Source,
            }), ct);

        var changed = units.Where(u => existing.Contains((u.UnitCode, u.ValidFrom)))
            .Select(u => new { Key = keys[(u.UnitCode, u.ValidFrom)], u.Level, u.Name, u.ShortName, u.UnitType, ParentKey = ParentKey(u),
                u.ParentCode, u.ProvinceCode, u.BoundarySet, u.ValidTo, u.Source })
            .ToList();
        if (changed.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                UPDATE dw.dim_unit
                SET level = @Level, name = @Name, short_name = @ShortName, unit_type = @UnitType, parent_key = @ParentKey,
                    parent_code = @ParentCode, province_code = @ProvinceCode, boundary_set = @BoundarySet, valid_to = @ValidTo, source = @Source
                WHERE unit_key = @Key
                """), changed, transaction, cancellationToken: ct));

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dw.unit_succession", transaction: transaction, cancellationToken: ct));
        await engine.BulkInsertAsync(connection, transaction, "dw.unit_succession", LinkColumns,
            links.Select(l => new object?[]
            {
                byCodeAndSet[(l.OldCode, BoundarySets.Pre2025)], byCodeAndSet[(l.NewCode, BoundarySets.Post2025)],
                l.MergeType, l.Weight, l.WeightBasis,
            }), ct);
        return units.Count;
    }
}

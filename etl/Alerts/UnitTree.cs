using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// The units of <c>rpt.units</c> (both boundary sets) as a tree for subtree matching: a rule or a silence of a unit covers
/// that unit and every unit below it. A code present in both boundary sets has the parents of both.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<string, HashSet<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public static async Task<UnitTree> ReadAsync(IWarehouseEngine engine, DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var tree = new UnitTree();
        var rows = await connection.QueryAsync<(string Code, string? Parent, string Name)>(new CommandDefinition(
            engine.Sql("SELECT unit_code, parent_code, name FROM rpt.units ORDER BY boundary_set DESC"), transaction: transaction, cancellationToken: ct));
        foreach (var (code, parent, name) in rows)
        {
            tree._names.TryAdd(code, name);
            if (parent is null) continue;
            if (!tree._parents.TryGetValue(code, out var parents)) tree._parents[code] = parents = new HashSet<string>(StringComparer.Ordinal);
            parents.Add(parent);
        }
        return tree;
    }

    public string Name(string? code) => code is null ? "Toàn quốc" : _names.GetValueOrDefault(code, code);

    /// <summary>How many steps <paramref name="ancestor"/> lies above <paramref name="unit"/> (0 = itself), or null when it does not.</summary>
    public int? Distance(string? unit, string ancestor)
    {
        if (unit is null) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit };
        var level = new List<string> { unit };
        for (var distance = 0; level.Count > 0; distance++)
        {
            if (level.Contains(ancestor, StringComparer.Ordinal)) return distance;
            level = level.SelectMany(u => _parents.GetValueOrDefault(u) ?? []).Where(seen.Add).ToList();
        }
        return null;
    }

    /// <summary>True when <paramref name="unit"/> is <paramref name="subtreeRoot"/> or below it; a null root is the whole country.</summary>
    public bool Within(string? unit, string? subtreeRoot) => subtreeRoot is null || Distance(unit, subtreeRoot) is not null;
}

using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// Resolves an account's scope (<see cref="ScopeUnit"/>) to the units it may read (<see cref="UnitAccess"/>): the one
/// definition the dashboard, the SQL console and the command line share.
/// <code>
/// var access = await UnitAccessResolver.ResolveAsync(connection, "pre2025:24", ct);
/// var where = access.LiteralPredicate("v.boundary_set", "v.unit_code");   // or Predicate(…, parameters)
/// </code>
/// </summary>
public static class UnitAccessResolver
{
    /// <summary>The units <paramref name="scope"/> (stored or claimed text, null = the country) reaches, read over <paramref name="connection"/>.</summary>
    public static async Task<UnitAccess> ResolveAsync(DbConnection connection, string? scope, CancellationToken ct)
    {
        if (!ScopeUnit.TryParse(scope, out var unit)) return UnitAccess.Nothing(new ScopeUnit(null, scope ?? ""));
        if (unit.IsCountry) return UnitAccess.Country;
        return Resolve(await ScopeGraph.ReadAsync(connection, ct), unit, DateOnly.FromDateTime(DateTime.Today));
    }

    /// <summary>As above, on a connection of its own.</summary>
    public static async Task<UnitAccess> ResolveAsync(IWarehouseEngine engine, string? scope, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        return await ResolveAsync(connection, scope, ct);
    }

    /// <summary>
    /// The scope unit's subtree in its set, then the units of the other set wholly inside it (every link of theirs leads into
    /// the subtree) with their own subtrees. A scope naming no unit (or the country's code with another set) reaches nothing.
    /// </summary>
    public static UnitAccess Resolve(ScopeGraph graph, ScopeUnit scope, DateOnly today)
    {
        if (scope.IsCountry) return UnitAccess.Country;
        var root = Find(graph, scope, today);
        if (root is null || root.Level == "country") return UnitAccess.Nothing(scope);

        var inside = graph.Subtree(root).ToHashSet();
        var otherSet = root.Set == BoundarySets.Pre2025 ? BoundarySets.Post2025 : BoundarySets.Pre2025;
        var wholly = graph.All
            .Where(u => u.Set == otherSet)
            .Where(u => graph.Linked(u).ToList() is { Count: > 0 } links && links.All(inside.Contains))
            .ToList();
        foreach (var unit in wholly)
            inside.UnionWith(graph.Subtree(unit));

        var bySet = inside.GroupBy(u => u.Set)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(u => u.Code).ToHashSet(StringComparer.Ordinal));
        var unambiguous = inside.Select(u => u.Code).Distinct(StringComparer.Ordinal)
            .Where(code => graph.WithCode(code).All(inside.Contains))
            .ToHashSet(StringComparer.Ordinal);
        return UnitAccess.Of(new ScopeUnit(root.Set, root.Code), root.Name, root.Level, bySet, unambiguous);
    }

    /// <summary>The unit a scope names: in its set when given; a bare code means the unit of the set in force today, else the only one.</summary>
    private static ScopeGraph.Node? Find(ScopeGraph graph, ScopeUnit scope, DateOnly today)
    {
        if (scope.Set is not null) return graph.Find(scope.Set, scope.Code);
        var candidates = graph.WithCode(scope.Code).ToList();
        var current = candidates.Where(u => BoundarySets.InForce(u.Set, today)).ToList();
        return current.Count == 1 ? current[0] : candidates.Count == 1 ? candidates[0] : null;
    }
}

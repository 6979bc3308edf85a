using System.Collections.Concurrent;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// Resolved scopes of one warehouse, kept for the process (the units and their succession are reference data, loaded
/// by <c>bhyt init</c>): a dashboard page asks for its account's <see cref="UnitAccess"/> on every query at no cost.
/// </summary>
public sealed class UnitAccessCache(IWarehouseEngine engine)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, UnitAccess> _resolved = new(StringComparer.Ordinal);
    private ScopeGraph? _graph;

    public async ValueTask<UnitAccess> ForAsync(string? scope, CancellationToken ct)
    {
        if (!ScopeUnit.TryParse(scope, out var unit)) return UnitAccess.Nothing(new ScopeUnit(null, scope ?? ""));
        if (unit.IsCountry) return UnitAccess.Country;
        if (_resolved.TryGetValue(unit.ToString(), out var known)) return known;
        var graph = await GraphAsync(ct);
        var access = UnitAccessResolver.Resolve(graph, unit, DateOnly.FromDateTime(DateTime.Today));
        // An empty warehouse (units not loaded yet) is not remembered: the same scope is resolved again later.
        if (!access.IsNothing) _resolved[unit.ToString()] = access;
        return access;
    }

    private async Task<ScopeGraph> GraphAsync(CancellationToken ct)
    {
        if (_graph is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_graph is { } loaded) return loaded;
            await using var connection = await engine.OpenAsync(ct);
            var graph = await ScopeGraph.ReadAsync(connection, ct);
            if (graph.All.Any()) _graph = graph;
            return graph;
        }
        finally
        {
            _gate.Release();
        }
    }
}

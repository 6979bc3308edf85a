using Bhyt.Warehouse.Queries;

namespace Bhyt.Warehouse.Querying;

/// <summary>
/// A scope's subtree from the reference: the unit, its descendants through <c>rpt.units.parent_code</c> (in every
/// boundary set that holds the code), and the units merged whole into one of them (<c>rpt.unit_succession</c> with weight
/// 1, e.g. a pre-2025 province into its 2025 province) with their own descendants. A unit split between several
/// successors is not taken in: part of it lies outside the scope. The country's code is the country; an unknown code
/// resolves to itself alone, so it sees nothing.
/// </summary>
public sealed class UnitSubtreeResolver(ReportingDb db) : IUnitScopeResolver
{
    public async Task<RptScope> ResolveAsync(string? scopeCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(scopeCode)) return RptScope.Country;
        var levels = await db.QueryAsync("SELECT DISTINCT level FROM rpt.units WHERE unit_code = @scopeCode", new { scopeCode }, r => r.GetString(0), ct);
        if (levels.Contains("country")) return RptScope.Country;
        var children = (await db.QueryAsync("SELECT DISTINCT parent_code, unit_code FROM rpt.units WHERE parent_code IS NOT NULL",
                null, r => (Parent: r.GetString(0), Child: r.GetString(1)), ct))
            .ToLookup(l => l.Parent, l => l.Child, StringComparer.Ordinal);
        var mergedInto = (await db.QueryAsync("SELECT DISTINCT new_unit_code, old_unit_code FROM rpt.unit_succession WHERE weight = 1",
                null, r => (New: r.GetString(0), Old: r.GetString(1)), ct))
            .ToLookup(l => l.New, l => l.Old, StringComparer.Ordinal);

        var codes = new HashSet<string>(StringComparer.Ordinal) { scopeCode };
        var pending = new Queue<string>([scopeCode]);
        while (pending.TryDequeue(out var code))
            foreach (var next in children[code].Concat(mergedInto[code]))
                if (codes.Add(next)) pending.Enqueue(next);
        return RptScope.Units(scopeCode, codes);
    }
}

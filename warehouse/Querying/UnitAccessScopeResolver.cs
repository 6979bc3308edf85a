using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Querying;

/// <summary>
/// The console's scope from the same resolver every dashboard service uses (<see cref="UnitAccessResolver"/>): the
/// account's scope (<c>pre2025:24</c>, <c>post2025:24</c>, <c>213</c>; empty = the country) becomes the unit codes its
/// session's <c>rpt</c> views keep. The console filters by code alone, so a code reused across the 2025 reform is kept
/// only when every unit bearing it is in scope (<see cref="UnitAccess.UnambiguousCodes"/>): another province's row never
/// passes; a scope that names no unit sees nothing.
/// </summary>
public sealed class UnitAccessScopeResolver(IWarehouseEngine engine) : IUnitScopeResolver
{
    public async Task<RptScope> ResolveAsync(string? scopeCode, CancellationToken ct)
    {
        var access = await UnitAccessResolver.ResolveAsync(engine, scopeCode, ct);
        if (access.IsCountry) return RptScope.Country;
        return RptScope.Units(scopeCode!.Trim(), access.IsNothing ? [] : access.UnambiguousCodes);
    }
}

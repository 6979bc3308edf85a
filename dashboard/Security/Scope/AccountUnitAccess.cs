using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Security.Scope;

/// <summary>
/// The signed-in account's units (claim <see cref="DashboardClaims.UnitScope"/>; absent = the whole country), for every
/// query service of the circuit or request. Nobody signed in reads nothing; a scope naming no unit reads nothing.
/// </summary>
public sealed class AccountUnitAccess(AuthenticationStateProvider authentication, UnitAccessCache scopes) : IUnitAccessSource
{
    public async ValueTask<UnitAccess> CurrentAsync(CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true) return UnitAccess.Nothing(ScopeUnit.Country);
        return await scopes.ForAsync(DashboardClaims.UnitScopeOf(user), ct);
    }
}

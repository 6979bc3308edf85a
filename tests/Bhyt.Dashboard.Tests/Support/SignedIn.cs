using Bhyt.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>
/// The authentication state of a user signed in locally just now with one role (and the account's security stamp,
/// when given) and unit scope (null = the whole country), for the services that check it themselves.
/// </summary>
internal sealed class SignedIn(string name, string role, string? stamp = null, string? unitScope = null) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
        DashboardClaims.Principal(name, name, role, SessionMethods.Local, DateTimeOffset.UtcNow, stamp, unitScope)));
}

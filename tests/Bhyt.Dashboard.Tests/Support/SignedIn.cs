using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>The authentication state of a user signed in with one role, for the services that check it themselves.</summary>
internal sealed class SignedIn(string name, string role) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"))));
}

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// An open page keeps its circuit's sign-in state for as long as it stays open; this re-asks
/// <see cref="SessionValidator"/> every <see cref="SessionLifetime.RevalidationInterval"/>, and a session that has ended
/// becomes anonymous on the page (the next navigation leads to the login).
/// </summary>
public sealed class RevalidatingSessionStateProvider(ILoggerFactory logs, SessionValidator validator, SessionLifetime options)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => options.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(validator.IsValid(state.User));
}

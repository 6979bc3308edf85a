using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// An open page keeps its circuit's sign-in state for as long as it stays open; this re-asks
/// <see cref="SessionValidator"/> every <see cref="SessionLifetime.RevalidationInterval"/> and ends the page's session
/// when nothing was done on it for <see cref="SessionLifetime.IdleTimeout"/>. An ended session becomes anonymous on the
/// page (the next navigation leads to the login).
/// </summary>
public sealed class RevalidatingSessionStateProvider(ILoggerFactory logs, SessionValidator validator, SessionLifetime lifetime,
    CircuitActivity activity, TimeProvider clock) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => lifetime.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(clock.GetUtcNow() - activity.Last <= lifetime.IdleTimeout && validator.IsValid(state.User));
}

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// Section <c>Auth:Session</c>: a session ends after <see cref="IdleTimeout"/> without a request (the cookie slides),
/// and in any case <see cref="MaxLifetime"/> after sign-in. Open pages (Blazor circuits) re-check the session every
/// <see cref="RevalidationInterval"/>.
/// </summary>
public sealed record SessionLifetime(TimeSpan IdleTimeout, TimeSpan MaxLifetime, TimeSpan RevalidationInterval)
{
    public static readonly SessionLifetime Default = new(TimeSpan.FromHours(1), TimeSpan.FromHours(10), TimeSpan.FromMinutes(1));

    public static SessionLifetime From(IConfiguration section) => new(
        section.GetValue("IdleTimeout", Default.IdleTimeout),
        section.GetValue("MaxLifetime", Default.MaxLifetime),
        section.GetValue("RevalidationInterval", Default.RevalidationInterval));
}

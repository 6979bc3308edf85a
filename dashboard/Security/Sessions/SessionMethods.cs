namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>How a session was signed in (claim <see cref="DashboardClaims.Method"/>).</summary>
public static class SessionMethods
{
    /// <summary>A local account of <see cref="UserStore"/>.</summary>
    public const string Local = "local";

    /// <summary>The organisation's OpenID Connect provider.</summary>
    public const string Oidc = "oidc";
}

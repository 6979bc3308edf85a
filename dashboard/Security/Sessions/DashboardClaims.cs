using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// The claims of a dashboard session, whichever way it signed in: name, display name, one role of <see cref="Roles"/>,
/// and the claims below. Built here only, so local and organisation sign-ins carry the same shape.
/// </summary>
public static class DashboardClaims
{
    /// <summary><see cref="SessionMethods.Local"/> or <see cref="SessionMethods.Oidc"/>.</summary>
    public const string Method = "bhyt:method";

    /// <summary>Sign-in time (UTC, round-trip format): the absolute session lifetime counts from it.</summary>
    public const string SignedInAt = "bhyt:signed_in_at";

    /// <summary>The local account's <see cref="DashboardUser.SecurityStamp"/> at sign-in.</summary>
    public const string Stamp = "bhyt:stamp";

    /// <summary>
    /// The unit the account is limited to (<see cref="Bhyt.Warehouse.Units.Scope.ScopeUnit"/>: <c>pre2025:24</c>, <c>886</c>…);
    /// absent = the whole country.
    /// </summary>
    public const string UnitScope = "bhyt:unit_scope";

    public static ClaimsPrincipal Principal(string userName, string displayName, string role, string method,
        DateTimeOffset signedInAt, string? stamp = null, string? unitScope = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userName), new(ClaimTypes.GivenName, displayName), new(ClaimTypes.Role, role),
            new(Method, method), new(SignedInAt, signedInAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (stamp is not null) claims.Add(new Claim(Stamp, stamp));
        if (!string.IsNullOrWhiteSpace(unitScope)) claims.Add(new Claim(UnitScope, unitScope.Trim()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal principal) =>
        DateTimeOffset.TryParse(principal.FindFirst(SignedInAt)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : null;

    /// <summary>The session's unit scope; null = the whole country.</summary>
    public static string? UnitScopeOf(ClaimsPrincipal principal) => principal.FindFirst(UnitScope)?.Value is { Length: > 0 } scope ? scope : null;

    public static string MethodOf(ClaimsPrincipal principal) => principal.FindFirst(Method)?.Value ?? SessionMethods.Local;
}

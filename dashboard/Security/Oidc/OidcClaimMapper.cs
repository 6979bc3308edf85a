using System.Security.Claims;
using Bhyt.Dashboard.Security.Sessions;

namespace Bhyt.Dashboard.Security.Oidc;

/// <summary>
/// Turns the validated ID token's claims (names as the provider sends them, not remapped) into a dashboard session
/// (<see cref="DashboardClaims"/>) following <see cref="OidcSettings"/>.
/// </summary>
public static class OidcClaimMapper
{
    public static OidcMapping Map(ClaimsPrincipal external, OidcSettings settings, DateTimeOffset now)
    {
        var userName = First(external, settings.NameClaim) ?? First(external, "sub") ?? "";
        if (userName.Length == 0) return new OidcMapping(null, "", $"no '{settings.NameClaim}' or 'sub' claim");
        var role = HighestMappedRole(external.FindAll(settings.RoleClaim).Select(c => c.Value), settings.RoleMap);
        if (role is null) return new OidcMapping(null, userName, $"no value of '{settings.RoleClaim}' is in Auth:Oidc:RoleMap");
        var unit = string.IsNullOrEmpty(settings.UnitClaim) ? null : First(external, settings.UnitClaim);
        var principal = DashboardClaims.Principal(userName, First(external, settings.DisplayNameClaim) ?? userName, role,
            SessionMethods.Oidc, now, unitScope: unit);
        return new OidcMapping(principal, userName, null);
    }

    /// <summary>Roles nest (an administrator can do what an analyst can, who can do what a viewer can): the highest wins.</summary>
    private static string? HighestMappedRole(IEnumerable<string> values, IReadOnlyDictionary<string, string> map) =>
        values.Select(v => map.GetValueOrDefault(v))
            .Where(r => r is not null)
            .MaxBy(r => Array.IndexOf(Roles.All, r));

    private static string? First(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}

using System.Security.Claims;

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// Whether a signed-in session may go on: not past its absolute lifetime; for a local account, the account still
/// exists with the same role, unit scope and security stamp (deleted, demoted, moved to another scope, password reset or
/// "signed out everywhere" ends it).
/// Asked by the cookie on every request and by open pages every <see cref="SessionLifetime.RevalidationInterval"/>.
/// </summary>
public sealed class SessionValidator(UserStore users, SessionLifetime options, TimeProvider clock)
{
    public bool IsValid(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return false;
        var signedInAt = DashboardClaims.SignedInAtOf(principal);
        if (signedInAt is null || clock.GetUtcNow() - signedInAt.Value > options.MaxLifetime) return false;
        if (DashboardClaims.MethodOf(principal) != SessionMethods.Local) return true;
        var account = principal.Identity.Name is { } name ? users.Find(name) : null;
        return account is not null
               && account.Role == principal.FindFirst(ClaimTypes.Role)?.Value
               && (account.UnitScope ?? "") == (DashboardClaims.UnitScopeOf(principal) ?? "")
               && (account.SecurityStamp ?? "") == (principal.FindFirst(DashboardClaims.Stamp)?.Value ?? "");
    }
}

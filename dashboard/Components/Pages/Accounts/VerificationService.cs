using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse.Engines;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Accounts;

/// <summary>
/// The last nightly integrity check of the warehouse (<c>etl.verify_run</c>) for administrators, the role checked here on
/// the server (not only by the page's attribute).
/// </summary>
public sealed class VerificationService(IWarehouseEngine engine, SessionValidator sessions, AuthenticationStateProvider authentication)
{
    /// <summary>The last run, or null when verification has never run.</summary>
    public async Task<VerificationReport?> LastAsync(CancellationToken ct = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!user.IsInRole(Roles.Admin) || user.Identity?.Name is null || !sessions.IsValid(user) || DashboardClaims.UnitScopeOf(user) is not null)
            throw new UnauthorizedAccessException("Chỉ tài khoản quản trị toàn quốc được xem kết quả kiểm tra toàn vẹn kho.");
        return await new VerifyRunStore(engine).LastAsync(ct);
    }
}

using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Warehouse.Queries;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Audit;

/// <summary>
/// The Nhật ký page's service: the audit log for administrators only, checked here on the server (the session asked again,
/// as the accounts page does) and not only by the page's attribute.
/// </summary>
public sealed class AuditLogService(AuditQueries queries, SessionValidator sessions, AuthenticationStateProvider authentication)
{
    public const int PageSize = 50;

    /// <summary>The page of events older than <paramref name="before"/> (the newest when null) matching <paramref name="filter"/>.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, long? before, CancellationToken ct)
    {
        await RequireAdminAsync();
        return await queries.PageAsync(filter, before, PageSize, ct);
    }

    public async Task<List<string>> UsersAsync(CancellationToken ct)
    {
        await RequireAdminAsync();
        return await queries.UsersAsync(ct);
    }

    private async Task RequireAdminAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!user.IsInRole(Roles.Admin) || user.Identity?.Name is null || !sessions.IsValid(user))
            throw new UnauthorizedAccessException("Chỉ tài khoản quản trị được xem nhật ký. [audit.admin]");
    }
}

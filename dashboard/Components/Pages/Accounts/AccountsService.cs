using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Etl.Audit;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Accounts;

/// <summary>An account as the administrators' page shows it (never the hash); <paramref name="UnitScope"/> null = the whole country.</summary>
public sealed record AccountRow(string UserName, string DisplayName, string Role, DateTimeOffset CreatedAt, string? UnitScope = null, string ScopeName = "Toàn quốc");

/// <summary>A unit an account's scope may name: its stored form (<c>pre2025:24</c>) and how the administrator reads it.</summary>
public sealed record ScopeChoice(string Value, string Label);

/// <summary>
/// Account management for administrators, checked here on the server (not only by the page's attribute): list, add
/// or replace (new password, role), delete. An administrator cannot delete or demote themselves, so the last
/// administrator always remains. Each account has a unit scope (the country, a province or a district of either boundary
/// set): stored as <see cref="ScopeUnit"/>'s form, only when it names such a unit of the warehouse; changing it ends the
/// account's sessions (<see cref="SessionValidator"/>). Every change and every refused attempt is recorded in the audit log
/// (never a password).
/// </summary>
public sealed class AccountsService(UserStore users, SessionValidator sessions, AuthenticationStateProvider authentication,
    UnitAccessCache scopes, UnitCatalog units, IAuditLog audit, ILogger<AccountsService> log)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        await RequireAdminAsync();
        var rows = new List<AccountRow>();
        foreach (var u in users.All().OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase))
        {
            var access = await scopes.ForAsync(u.UnitScope, CancellationToken.None);
            rows.Add(new AccountRow(u.UserName, u.DisplayName, u.Role, u.CreatedAt, u.UnitScope,
                access.IsNothing ? $"Không hợp lệ ({u.UnitScope}): không xem được gì" : ScopeLabel(access)));
        }
        return rows;
    }

    /// <summary>The provinces of both boundary sets and the districts (pre-2025 only), for the scope field.</summary>
    public async Task<IReadOnlyList<ScopeChoice>> ScopeChoicesAsync(CancellationToken ct)
    {
        await RequireAdminAsync();
        var choices = new List<ScopeChoice>();
        foreach (var (set, level) in new[] { (BoundarySets.Post2025, "province"), (BoundarySets.Pre2025, "province"), (BoundarySets.Pre2025, "district") })
            foreach (var unit in await units.AtLevelAsync(set, level, ct))
                choices.Add(new ScopeChoice(new ScopeUnit(set, unit.Code).ToString(), $"{unit.Name} — {SetVi(set)}"));
        return choices;
    }

    /// <summary>Moves an account to another unit scope (blank = the whole country).</summary>
    public Task SetScopeAsync(string userName, string? unitScope)
    {
        var before = users.Find(userName)?.UnitScope;
        return audit.RecordingAsync(AuditActions.AccountSave, userName, () => SetScopeOfAsync(userName, unitScope),
            () => $"đổi phạm vi đơn vị {before ?? "toàn quốc"} → {(string.IsNullOrWhiteSpace(unitScope) ? "toàn quốc" : unitScope.Trim())}");
    }

    private async Task SetScopeOfAsync(string userName, string? unitScope)
    {
        var admin = await RequireAdminAsync();
        var stored = await StoredScopeAsync(unitScope);
        if (!users.SetUnitScope(userName, stored)) throw new InvalidOperationException($"Không có tài khoản '{userName}'.");
        log.LogInformation("{Admin} set the unit scope of {User} to {Scope}", admin, userName, stored ?? "country");
    }

    public Task SaveAsync(string userName, string displayName, string role, string password, string? unitScope = null)
    {
        var before = users.Find(userName.Trim())?.Role;
        var scopeText = string.IsNullOrWhiteSpace(unitScope) ? "" : $", phạm vi {unitScope.Trim()}";
        return audit.RecordingAsync(AuditActions.AccountSave, userName.Trim(), () => SaveAccountAsync(userName, displayName, role, password, unitScope),
            () => before is null ? $"tạo mới, vai trò {role}{scopeText}"
                : before == role ? $"đặt lại mật khẩu, vai trò {role} (không đổi){scopeText}"
                : $"đặt lại mật khẩu, đổi vai trò {before} → {role}{scopeText}");
    }

    private async Task SaveAccountAsync(string userName, string displayName, string role, string password, string? unitScope)
    {
        var admin = await RequireAdminAsync();
        userName = userName.Trim();
        if (userName.Length is 0 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException("Tên đăng nhập gồm 1–64 chữ cái không dấu, chữ số, '.', '_' hoặc '-'.");
        if (string.Equals(userName, admin, StringComparison.OrdinalIgnoreCase) && role != Roles.Admin)
            throw new InvalidOperationException("Không thể tự hạ quyền tài khoản quản trị đang dùng.");
        var stored = await StoredScopeAsync(unitScope);
        users.Save(userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(), role, password, stored);
        log.LogInformation("{Admin} saved account {User} with role {Role} and unit scope {Scope}", admin, userName, role, stored ?? "country");
    }

    /// <summary>The stored form of a scope the administrator typed or chose (null = the country); refused unless it names a province or district.</summary>
    private async Task<string?> StoredScopeAsync(string? unitScope)
    {
        if (string.IsNullOrWhiteSpace(unitScope)) return null;
        var access = await scopes.ForAsync(unitScope, CancellationToken.None);
        if (access.IsCountry) return null;
        if (access.IsNothing || access.ScopeLevel is not ("province" or "district"))
            throw new ArgumentException($"Phạm vi '{unitScope.Trim()}' không phải một tỉnh hay huyện của danh mục đơn vị (ví dụ post2025:24, pre2025:24, 213).");
        return access.Scope.ToString();
    }

    private static string ScopeLabel(UnitAccess access) =>
        access.IsCountry ? "Toàn quốc" : $"{access.ScopeName} — {SetVi(access.Scope.Set!)}";

    private static string SetVi(string set) => set == BoundarySets.Post2025 ? "từ 1/7/2025" : "trước 1/7/2025";

    public Task DeleteAsync(string userName)
    {
        var role = users.Find(userName)?.Role;
        return audit.RecordingAsync(AuditActions.AccountDelete, userName, () => DeleteAccountAsync(userName), () => $"vai trò {role}");
    }

    private async Task DeleteAccountAsync(string userName)
    {
        var admin = await RequireAdminAsync();
        if (string.Equals(userName, admin, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Không thể xoá tài khoản quản trị đang dùng.");
        if (!users.Delete(userName)) throw new InvalidOperationException($"Không có tài khoản '{userName}'.");
        log.LogInformation("{Admin} deleted account {User}", admin, userName);
    }

    private async Task<string> RequireAdminAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        // The circuit's principal can be older than the accounts file (or the session's lifetime): ask again.
        var name = user.Identity?.Name;
        if (!user.IsInRole(Roles.Admin) || name is null || !sessions.IsValid(user))
            throw new UnauthorizedAccessException("Chỉ tài khoản quản trị được quản lý tài khoản.");
        // An administrator limited to a unit could otherwise give anyone (themselves included) the whole country.
        if (DashboardClaims.UnitScopeOf(user) is not null)
            throw new UnauthorizedAccessException("Chỉ tài khoản quản trị toàn quốc được quản lý tài khoản. [scope.refused]");
        return name;
    }
}

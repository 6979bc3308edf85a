using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Etl.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Accounts;

/// <summary>An account as the administrators' page shows it (never the hash).</summary>
public sealed record AccountRow(string UserName, string DisplayName, string Role, DateTimeOffset CreatedAt);

/// <summary>
/// Account management for administrators, checked here on the server (not only by the page's attribute): list, add
/// or replace (new password, role), delete. An administrator cannot delete or demote themselves, so the last
/// administrator always remains. Every change and every refused attempt is recorded in the audit log (never a password).
/// </summary>
public sealed class AccountsService(UserStore users, SessionValidator sessions, AuthenticationStateProvider authentication,
    IAuditLog audit, ILogger<AccountsService> log)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        await RequireAdminAsync();
        return users.All().OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new AccountRow(u.UserName, u.DisplayName, u.Role, u.CreatedAt)).ToList();
    }

    public Task SaveAsync(string userName, string displayName, string role, string password)
    {
        var before = users.Find(userName.Trim())?.Role;
        return audit.RecordingAsync(AuditActions.AccountSave, userName.Trim(), () => SaveAccountAsync(userName, displayName, role, password),
            () => before is null ? $"tạo mới, vai trò {role}"
                : before == role ? $"đặt lại mật khẩu, vai trò {role} (không đổi)"
                : $"đặt lại mật khẩu, đổi vai trò {before} → {role}");
    }

    public Task DeleteAsync(string userName)
    {
        var role = users.Find(userName)?.Role;
        return audit.RecordingAsync(AuditActions.AccountDelete, userName, () => DeleteAccountAsync(userName), () => $"vai trò {role}");
    }

    private async Task SaveAccountAsync(string userName, string displayName, string role, string password)
    {
        var admin = await RequireAdminAsync();
        userName = userName.Trim();
        if (userName.Length is 0 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException("Tên đăng nhập gồm 1–64 chữ cái không dấu, chữ số, '.', '_' hoặc '-'.");
        if (string.Equals(userName, admin, StringComparison.OrdinalIgnoreCase) && role != Roles.Admin)
            throw new InvalidOperationException("Không thể tự hạ quyền tài khoản quản trị đang dùng.");
        users.Save(userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(), role, password);
        log.LogInformation("{Admin} saved account {User} with role {Role}", admin, userName, role);
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
        return name;
    }
}

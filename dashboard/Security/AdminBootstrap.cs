namespace Bhyt.Dashboard.Security;

/// <summary>
/// The first start's administrator: taken from <c>BHYT_ADMIN_USER</c> / <c>BHYT_ADMIN_PASSWORD</c> when set,
/// otherwise <c>admin</c> with a random password printed once on the console.
/// </summary>
public static class AdminBootstrap
{
    public const string UserVariable = "BHYT_ADMIN_USER";
    public const string PasswordVariable = "BHYT_ADMIN_PASSWORD";

    /// <summary>Creates the administrator when the store has no account yet; returns the message to print, or null.</summary>
    public static string? EnsureAdmin(UserStore store, Func<string, string?> environment)
    {
        if (store.All().Count > 0) return null;
        var userName = environment(UserVariable) is { Length: > 0 } u ? u : "admin";
        var given = environment(PasswordVariable);
        var password = string.IsNullOrEmpty(given) ? PasswordHasher.Generate() : given;
        var violations = PasswordPolicy.Violations(userName, password);
        if (violations.Count > 0) throw new InvalidOperationException($"{PasswordVariable}: {string.Join(" ", violations)}");
        store.Save(userName, "Quản trị viên", Roles.Admin, password);
        return string.IsNullOrEmpty(given)
            ? $"Tài khoản quản trị đầu tiên: {userName} / {password} (chỉ in một lần; đặt {PasswordVariable} để tự chọn)."
            : $"Tài khoản quản trị đầu tiên: {userName} (mật khẩu từ {PasswordVariable}).";
    }
}

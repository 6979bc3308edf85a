namespace Bhyt.Dashboard.Security;

/// <summary>
/// The rule every new or changed local password follows (NIST SP 800-63B style: length over composition):
/// 12 to 128 characters, at least 5 different characters, and not containing the user name.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const int MinDistinctCharacters = 5;

    /// <summary>The one-line description shown beside password fields.</summary>
    public const string Description = "Ít nhất 12 ký tự, ít nhất 5 ký tự khác nhau, không chứa tên đăng nhập.";

    /// <summary>The rules <paramref name="password"/> breaks, in Vietnamese (empty when it is acceptable).</summary>
    public static IReadOnlyList<string> Violations(string userName, string password)
    {
        var violations = new List<string>();
        if (password.Length < MinLength) violations.Add($"Mật khẩu phải có ít nhất {MinLength} ký tự.");
        if (password.Length > MaxLength) violations.Add($"Mật khẩu không được dài quá {MaxLength} ký tự.");
        if (password.Distinct().Count() < MinDistinctCharacters)
            violations.Add($"Mật khẩu phải có ít nhất {MinDistinctCharacters} ký tự khác nhau.");
        var name = userName.Trim();
        if (name.Length >= 3 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            violations.Add("Mật khẩu không được chứa tên đăng nhập.");
        return violations;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every broken rule.</summary>
    public static void Require(string userName, string password)
    {
        var violations = Violations(userName, password);
        if (violations.Count > 0) throw new ArgumentException(string.Join(" ", violations), nameof(password));
    }
}

using System.Text.Json;

namespace Bhyt.Dashboard.Security;

/// <summary>
/// One dashboard account. <paramref name="SecurityStamp"/> changes with the password and on "sign out everywhere":
/// a session cookie carrying another stamp is refused (null in files written before stamps existed).
/// <paramref name="UnitScope"/> is the unit the account may read (<see cref="Bhyt.Warehouse.Units.Scope.ScopeUnit"/>, e.g.
/// <c>pre2025:24</c>); null, as in files written before scopes existed, is the whole country.
/// </summary>
public sealed record DashboardUser(string UserName, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt,
    string? SecurityStamp = null, string? UnitScope = null);

/// <summary>
/// The dashboard's accounts, kept in a JSON file beside the embedded warehouse (<c>Auth:UsersFile</c>,
/// default <c>data/users.json</c>, mode 0600) rather than in the warehouse itself, so that no SQL, not
/// even the analysts' read-only console, can ever read a password hash.
/// </summary>
public sealed class UserStore(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public IReadOnlyList<DashboardUser> All()
    {
        lock (_gate) return Read();
    }

    public DashboardUser? Find(string userName)
    {
        lock (_gate) return Read().FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The user when <paramref name="password"/> is theirs, otherwise null. An unknown name costs the same hash as a
    /// known one (against <see cref="PasswordHasher.UnknownUserHash"/>), so the time taken does not tell which names exist.
    /// </summary>
    public DashboardUser? Authenticate(string userName, string password)
    {
        var user = Find(userName.Trim());
        var matches = PasswordHasher.Verify(password, user?.PasswordHash ?? PasswordHasher.UnknownUserHash);
        return user is not null && matches ? user : null;
    }

    /// <summary>Adds or replaces an account; <paramref name="unitScope"/> null or blank = the whole country.</summary>
    public DashboardUser Save(string userName, string displayName, string role, string password, string? unitScope = null)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Vai trò không hợp lệ: '{role}'.", nameof(role));
        if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("Tên đăng nhập trống.", nameof(userName));
        PasswordPolicy.Require(userName, password);
        var user = new DashboardUser(userName.Trim(), displayName, role, PasswordHasher.Hash(password), DateTimeOffset.UtcNow, NewStamp(),
            string.IsNullOrWhiteSpace(unitScope) ? null : unitScope.Trim());
        lock (_gate)
        {
            var users = Read().Where(u => !string.Equals(u.UserName, user.UserName, StringComparison.OrdinalIgnoreCase)).Append(user).ToList();
            Write(users);
        }
        return user;
    }

    /// <summary>Gives the account a new security stamp, which ends every session signed in before; false when there is no such account.</summary>
    public bool RenewStamp(string userName)
    {
        lock (_gate)
        {
            var users = Read();
            var index = users.FindIndex(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return false;
            users[index] = users[index] with { SecurityStamp = NewStamp() };
            Write(users);
            return true;
        }
    }

    /// <summary>Moves the account to another unit scope (null = the whole country); false when there is no such account.</summary>
    public bool SetUnitScope(string userName, string? unitScope)
    {
        lock (_gate)
        {
            var users = Read();
            var index = users.FindIndex(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return false;
            users[index] = users[index] with { UnitScope = string.IsNullOrWhiteSpace(unitScope) ? null : unitScope.Trim() };
            Write(users);
            return true;
        }
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Removes an account; false when there was none by that name.</summary>
    public bool Delete(string userName)
    {
        lock (_gate)
        {
            var users = Read();
            var kept = users.Where(u => !string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (kept.Count == users.Count) return false;
            Write(kept);
            return true;
        }
    }

    private List<DashboardUser> Read()
    {
        if (!File.Exists(Path)) return [];
        using var stream = File.OpenRead(Path);
        return JsonSerializer.Deserialize<List<DashboardUser>>(stream, Json) ?? [];
    }

    private void Write(List<DashboardUser> users)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(users, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, Path, overwrite: true);
    }
}

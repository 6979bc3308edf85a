namespace Bhyt.Dashboard.Security.Oidc;

/// <summary>
/// Section <c>Auth:Oidc</c>: sign-in with the organisation's OpenID Connect provider, on when <see cref="Authority"/>
/// and <see cref="ClientId"/> are set. The dashboard's role is the highest of the values of <see cref="RoleClaim"/>
/// found in <see cref="RoleMap"/> (provider value → viewer | analyst | admin); a user with none is refused. The unit
/// the account is limited to is the value of <see cref="UnitClaim"/>, when set.
/// </summary>
public sealed record OidcSettings
{
    public const string Scheme = "oidc";

    public string? Authority { get; init; }
    public string? ClientId { get; init; }
    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; init; }
    public string Scopes { get; init; } = "openid profile";
    public string NameClaim { get; init; } = "preferred_username";
    public string DisplayNameClaim { get; init; } = "name";
    public string RoleClaim { get; init; } = "roles";
    public IReadOnlyDictionary<string, string> RoleMap { get; init; } = new Dictionary<string, string>();
    public string? UnitClaim { get; init; }
    public bool RequireHttpsMetadata { get; init; } = true;
    public string CallbackPath { get; init; } = "/signin-oidc";
    public string SignedOutCallbackPath { get; init; } = "/signout-callback-oidc";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public static OidcSettings From(IConfiguration section)
    {
        var defaults = new OidcSettings();
        var settings = new OidcSettings
        {
            Authority = section["Authority"],
            ClientId = section["ClientId"],
            ClientSecret = section["ClientSecret"],
            Scopes = section["Scopes"] ?? defaults.Scopes,
            NameClaim = section["NameClaim"] ?? defaults.NameClaim,
            DisplayNameClaim = section["DisplayNameClaim"] ?? defaults.DisplayNameClaim,
            RoleClaim = section["RoleClaim"] ?? defaults.RoleClaim,
            RoleMap = section.GetSection("RoleMap").GetChildren()
                .Where(c => !string.IsNullOrEmpty(c.Value))
                .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
            UnitClaim = section["UnitClaim"],
            RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", defaults.RequireHttpsMetadata),
            CallbackPath = section["CallbackPath"] ?? defaults.CallbackPath,
            SignedOutCallbackPath = section["SignedOutCallbackPath"] ?? defaults.SignedOutCallbackPath,
        };
        var unknown = settings.RoleMap.Where(m => !Roles.All.Contains(m.Value)).Select(m => $"{m.Key}={m.Value}").ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Auth:Oidc:RoleMap chỉ nhận vai trò {string.Join(", ", Roles.All)}; sai: {string.Join(", ", unknown)}.");
        return settings;
    }
}

using System.Security.Claims;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Oidc;
using Bhyt.Dashboard.Security.Sessions;
using Microsoft.Extensions.Configuration;

namespace Bhyt.Dashboard.Tests.Security.Oidc;

public sealed class OidcClaimMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static OidcSettings Settings(params (string Key, string Value)[] extra) => OidcSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authority"] = "https://dangnhap.bhxh.example", ["ClientId"] = "bhyt",
            ["RoleClaim"] = "groups", ["UnitClaim"] = "ma_don_vi",
            ["RoleMap:g-lanh-dao"] = "viewer", ["RoleMap:g-phan-tich"] = "analyst",
        }.Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))))
        .Build());

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void Map_takes_name_display_name_highest_mapped_role_and_unit_from_the_configured_claims()
    {
        var mapping = OidcClaimMapper.Map(Token(("sub", "x1"), ("preferred_username", "le.van.c"), ("name", "Lê Văn C"),
            ("groups", "g-lanh-dao"), ("groups", "g-phan-tich"), ("groups", "g-khac"), ("ma_don_vi", "24")), Settings(), Now);

        var principal = Assert.IsType<ClaimsPrincipal>(mapping.Principal);
        Assert.Equal("le.van.c", principal.Identity!.Name);
        Assert.Equal("Lê Văn C", principal.FindFirst(ClaimTypes.GivenName)!.Value);
        Assert.Equal(Roles.Analyst, Assert.Single(principal.FindAll(ClaimTypes.Role)).Value);
        Assert.Equal("24", principal.FindFirst(DashboardClaims.UnitScope)!.Value);
        Assert.Equal(SessionMethods.Oidc, DashboardClaims.MethodOf(principal));
        Assert.Equal(Now, DashboardClaims.SignedInAtOf(principal));
    }

    [Fact]
    public void Map_without_a_mapped_role_refuses_and_role_values_are_compared_exactly()
    {
        var mapping = OidcClaimMapper.Map(Token(("sub", "x2"), ("groups", "G-PHAN-TICH"), ("groups", "admin")), Settings(), Now);
        Assert.Null(mapping.Principal);
        Assert.Equal("x2", mapping.UserName);
        Assert.Contains("RoleMap", mapping.Refusal);
    }

    [Fact]
    public void From_a_role_map_naming_an_unknown_dashboard_role_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(("RoleMap:g-sieu", "superuser")));
        Assert.Contains("g-sieu=superuser", error.Message);
    }

    [Fact]
    public void From_an_empty_section_is_off_and_keeps_the_documented_defaults()
    {
        var settings = OidcSettings.From(new ConfigurationBuilder().Build());
        Assert.False(settings.IsConfigured);
        Assert.Equal(("roles", "preferred_username", "name", "/signin-oidc", true),
            (settings.RoleClaim, settings.NameClaim, settings.DisplayNameClaim, settings.CallbackPath, settings.RequireHttpsMetadata));
    }
}

using System.Text.Json;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Scope;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Tests.Security.Scope;

/// <summary>
/// An account's unit scope from the accounts file to the session: stored with the account (files written before scopes
/// read as the country), carried by the <c>bhyt:unit_scope</c> claim, resolved for the query services, and a session
/// ended when the administrator moves the account to another scope.
/// </summary>
public sealed class AccountUnitAccessTests(TwoProvinceWarehouse warehouse) : IClassFixture<TwoProvinceWarehouse>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-scope-accounts-").FullName;

    private UserStore Users => new(Path.Combine(_folder, "users.json"));

    [Fact]
    public void Read_accounts_file_written_before_scopes_reads_every_account_as_the_country()
    {
        var old = new[] { new { UserName = "lanhdao", DisplayName = "Lãnh đạo", Role = Roles.Viewer, PasswordHash = "x", CreatedAt = DateTimeOffset.UtcNow } };
        File.WriteAllText(Users.Path, JsonSerializer.Serialize(old));

        var account = Users.Find("lanhdao");

        Assert.NotNull(account);
        Assert.Null(account.UnitScope);
        Users.SetUnitScope("lanhdao", "pre2025:24");
        Assert.Equal("pre2025:24", Users.Find("lanhdao")!.UnitScope);
        Assert.Contains("\"UnitScope\": \"pre2025:24\"", File.ReadAllText(Users.Path));
    }

    [Fact]
    public void IsValid_session_ends_when_the_account_moves_to_another_scope()
    {
        var validator = new SessionValidator(Users, SessionLifetime.Default, TimeProvider.System);
        var user = Users.Save("lanhdao.bacgiang", "Lãnh đạo Bắc Giang", Roles.Viewer, "mat-khau-bac-giang", "pre2025:24");
        var session = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local, DateTimeOffset.UtcNow, user.SecurityStamp, user.UnitScope);
        Assert.Equal("pre2025:24", DashboardClaims.UnitScopeOf(session));
        Assert.True(validator.IsValid(session));

        Users.SetUnitScope(user.UserName, "post2025:24");

        Assert.False(validator.IsValid(session));
        var widened = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local, DateTimeOffset.UtcNow, user.SecurityStamp);
        Assert.False(validator.IsValid(widened)); // a cookie without the claim is the country: not what the file says
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("pre2025:68", false)]
    public async Task CurrentAsync_resolves_the_signed_in_accounts_claim(string? scope, bool country)
    {
        var access = await new AccountUnitAccess(new SignedIn("u", Roles.Viewer, unitScope: scope), new UnitAccessCache(warehouse.Engine))
            .CurrentAsync(CancellationToken.None);

        Assert.Equal(country, access.IsCountry);
        Assert.True(access.Allows(BoundarySets.Pre2025, "672"));
        Assert.Equal(country, access.Allows(BoundarySets.Pre2025, "24"));
    }

    [Fact]
    public async Task CurrentAsync_nobody_signed_in_or_a_scope_naming_no_unit_reads_nothing()
    {
        var cache = new UnitAccessCache(warehouse.Engine);

        var anonymous = await new AccountUnitAccess(new Anonymous(), cache).CurrentAsync(CancellationToken.None);
        var unknown = await new AccountUnitAccess(new SignedIn("u", Roles.Viewer, unitScope: "post2025:99999"), cache).CurrentAsync(CancellationToken.None);

        Assert.True(anonymous.IsNothing);
        Assert.True(unknown.IsNothing);
        Assert.False(unknown.Allows(BoundarySets.Pre2025, "672"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Anonymous : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
    }
}

using Bhyt.Dashboard.Components.Pages.Accounts;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components.Pages.Accounts;

/// <summary>
/// The administrators' page gives an account its unit scope: stored in its unambiguous form, refused unless it names a
/// province or district of the warehouse, listed by name; an administrator limited to a unit manages no accounts.
/// </summary>
public sealed class AccountsScopeTests(TwoProvinceWarehouse warehouse) : IClassFixture<TwoProvinceWarehouse>, IDisposable
{
    private const string AdminPassword = "mat-khau-quan-tri";
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-accounts-scope-").FullName;

    private UserStore Users => new(Path.Combine(_folder, "users.json"));

    private AccountsService As(string name, string? scope = null)
    {
        if (Users.Find(name) is null) Users.Save(name, name, Roles.Admin, AdminPassword, scope);
        return new AccountsService(Users, new SessionValidator(Users, SessionLifetime.Default, TimeProvider.System),
            new SignedIn(name, Roles.Admin, Users.Find(name)!.SecurityStamp, scope), new UnitAccessCache(warehouse.Engine),
            new UnitCatalog(new ReportingDb(warehouse.Engine)), NoAudit.Instance, NullLogger<AccountsService>.Instance);
    }

    [Theory]
    [InlineData("pre2025:24", "pre2025:24", "Tỉnh Bắc Giang — trước 1/7/2025")]
    [InlineData(" 213 ", "pre2025:213", "Thành phố Bắc Giang — trước 1/7/2025")]
    [InlineData("24", "post2025:24", "Tỉnh Bắc Ninh — từ 1/7/2025")]
    [InlineData("", null, "Toàn quốc")]
    public async Task SaveAsync_stores_the_scope_in_its_unambiguous_form_and_lists_it_by_name(string typed, string? stored, string listed)
    {
        var admin = As("quantri");

        await admin.SaveAsync("lanhdao", "Lãnh đạo", Roles.Viewer, "mat-khau-lanh-dao", typed);

        Assert.Equal(stored, Users.Find("lanhdao")!.UnitScope);
        Assert.Equal(listed, (await admin.ListAsync()).Single(a => a.UserName == "lanhdao").ScopeName);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData(TwoProvinceWarehouse.DaLatWard)]
    [InlineData("pre2025:24; DROP TABLE x")]
    public async Task SetScopeAsync_refuses_what_names_no_province_or_district_and_keeps_the_old_scope(string typed)
    {
        var admin = As("quantri");
        await admin.SaveAsync("lanhdao", "Lãnh đạo", Roles.Viewer, "mat-khau-lanh-dao", "pre2025:68");

        await Assert.ThrowsAsync<ArgumentException>(() => admin.SetScopeAsync("lanhdao", typed));

        Assert.Equal("pre2025:68", Users.Find("lanhdao")!.UnitScope);
    }

    [Fact]
    public async Task SetScopeAsync_moves_the_account_and_a_scoped_administrator_manages_no_accounts()
    {
        var admin = As("quantri");
        await admin.SaveAsync("lanhdao", "Lãnh đạo", Roles.Viewer, "mat-khau-lanh-dao", "pre2025:68");

        await admin.SetScopeAsync("lanhdao", "post2025:68");
        Assert.Equal("post2025:68", Users.Find("lanhdao")!.UnitScope);
        Assert.Contains(await admin.ScopeChoicesAsync(CancellationToken.None), c => c.Value == "pre2025:213");

        var scoped = As("quantri.lamdong", "pre2025:68");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scoped.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scoped.SetScopeAsync("quantri.lamdong", null));
        Assert.Equal("pre2025:68", Users.Find("quantri.lamdong")!.UnitScope);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

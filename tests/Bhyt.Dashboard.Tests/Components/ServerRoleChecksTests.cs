using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Engines;
using Bhyt.Dashboard.Components.Pages.Accounts;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>
/// The services that act check the signed-in user's role themselves, so a viewer who crafts the request (or keeps an
/// old circuit) gets nothing even though the page hid the button.
/// </summary>
public sealed class ServerRoleChecksTests : IDisposable
{
    private IWarehouseEngine NoWarehouse => WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "none.duckdb")));

    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-roles-").FullName;

    private InboxUpload Upload(string role) =>
        new(InboxOptions.Default(Path.Combine(_folder, "inbox")), new SignedIn("u", role), FixedUnitAccess.Country,
            new UploadScope(NoWarehouse), NoAudit.Instance, NullLogger<InboxUpload>.Instance);

    [Fact]
    public async Task A_viewer_cannot_put_a_file_into_the_inbox_an_analyst_can()
    {
        var file = new UploadedFile("bao-cao.csv", "unit_code,unit_name,period,indicator,value,value_kind\n672,,2023,cov_rate,90,actual\n");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Upload(Roles.Viewer).SaveAsync(file, null, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_folder, "inbox")) && Directory.EnumerateFiles(Path.Combine(_folder, "inbox")).Any());

        var saved = await Upload(Roles.Analyst).SaveAsync(file, null, CancellationToken.None);
        Assert.EndsWith("-bao-cao.csv", saved);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "inbox")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Upload(Roles.Admin).SaveAsync(new UploadedFile("x.exe", "MZ"), null, CancellationToken.None));
    }

    [Fact]
    public async Task Only_an_administrator_in_the_accounts_file_manages_accounts_and_never_their_own_role_away()
    {
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save("quantri", "Quản trị", Roles.Admin, "mat-khau-quan-tri");
        users.Save("phantich", "Phân tích", Roles.Analyst, "mat-khau-phan-tich");

        var sessions = new SessionValidator(users, SessionLifetime.Default, TimeProvider.System);
        AccountsService As(string name, string role) =>
            new(users, sessions, new SignedIn(name, role, users.Find(name)?.SecurityStamp), new UnitAccessCache(NoWarehouse),
                new UnitCatalog(new ReportingDb(NoWarehouse)), NoAudit.Instance, NullLogger<AccountsService>.Instance);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As("phantich", Roles.Analyst).ListAsync());
        // A cookie claiming admin for someone the file does not know as admin is not enough.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As("phantich", Roles.Admin).SaveAsync("x", "x", Roles.Admin, "mat-khau-dai-du"));
        var admin = As("quantri", Roles.Admin);
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.SaveAsync("quantri", "Quản trị", Roles.Viewer, "mat-khau-quan-tri"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.DeleteAsync("quantri"));
        await Assert.ThrowsAsync<ArgumentException>(() => admin.SaveAsync("lanh dao", "x", Roles.Viewer, "mat-khau-dai-du"));
        await admin.SaveAsync("lanhdao", "", Roles.Viewer, "mat-khau-dai-du");
        Assert.Equal(["lanhdao", "phantich", "quantri"], (await admin.ListAsync()).Select(a => a.UserName));
        Assert.Equal("lanhdao", users.Find("lanhdao")!.DisplayName);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

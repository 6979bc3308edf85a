using Bhyt.Dashboard.Components.Pages.Accounts;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>The last integrity check is shown to administrators only, checked by the service itself.</summary>
public sealed class VerificationServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-verify-").FullName;

    [Fact]
    public async Task LastAsync_administrator_sees_the_stored_run_an_analyst_is_refused()
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        var finding = VerificationFinding.Of("verify.orphan_key", "dw.fct_claim", 1, ["facility_key = 9 (3 dòng)"], "giá trị facility_key không có trong dw.dim_facility");
        await new VerifyRunStore(engine).SaveAsync(new VerificationReport(new DateTime(2026, 11, 29, 2, 30, 0), new DateTime(2026, 11, 29, 2, 30, 4), [finding]), CancellationToken.None);
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save("quantri", "Quản trị", Roles.Admin, "mat-khau-quan-tri");
        users.Save("phantich", "Phân tích", Roles.Analyst, "mat-khau-phan-tich");
        var sessions = new SessionValidator(users, SessionLifetime.Default, TimeProvider.System);
        VerificationService As(string name, string role) => new(engine, sessions, new SignedIn(name, role, users.Find(name)?.SecurityStamp));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As("phantich", Roles.Analyst).LastAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As("phantich", Roles.Admin).LastAsync());
        var last = await As("quantri", Roles.Admin).LastAsync();

        var shown = Assert.Single(last!.Findings);
        Assert.Equal((finding.Code, finding.Table, finding.Count, finding.Message), (shown.Code, shown.Table, shown.Count, shown.Message));
        Assert.Equal(finding.Examples, shown.Examples);
        Assert.Equal(new DateTime(2026, 11, 29, 2, 30, 4), last.FinishedAt);
        Assert.Equal("dw.fct_claim: 1 giá trị facility_key không có trong dw.dim_facility; ví dụ: facility_key = 9 (3 dòng). [verify.orphan_key]", finding.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

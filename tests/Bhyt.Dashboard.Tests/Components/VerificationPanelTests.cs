using Bunit;
using Bhyt.Dashboard.Components.Pages.Accounts;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>The accounts page's panel of the last integrity check, rendered over a real warehouse.</summary>
public sealed class VerificationPanelTests : BunitContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-verify-panel-").FullName;

    private async Task<IWarehouseEngine> WarehouseAsync(params VerificationFinding[] findings)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        if (findings.Length > 0)
            await new VerifyRunStore(engine).SaveAsync(new VerificationReport(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow, findings), CancellationToken.None);
        return engine;
    }

    private void SignIn(IWarehouseEngine engine, string name, string role)
    {
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save(name, name, role, "mat-khau-du-dai");
        Services.AddSingleton(new VerificationService(engine, new SessionValidator(users, SessionLifetime.Default, TimeProvider.System),
            new SignedIn(name, role, users.Find(name)!.SecurityStamp)));
    }

    [Fact]
    public async Task Panel_administrator_sees_each_finding_with_its_code_and_count_in_vi_VN()
    {
        var engine = await WarehouseAsync(
            VerificationFinding.Of("verify.claims_monthly.mismatch", "dw.fct_claims_monthly", 1234, ["2023-05 · 68005 · exam: …"], "nhóm khác với dw.fct_claim"));
        SignIn(engine, "quantri", Roles.Admin);

        var panel = Render<VerificationPanel>();

        panel.WaitForAssertion(() => Assert.Contains("1 phát hiện", panel.Find("#verify-summary").TextContent));
        var row = panel.Find("#verify-findings tr[data-code='verify.claims_monthly.mismatch']").TextContent;
        Assert.Contains("dw.fct_claims_monthly", row);
        Assert.Contains("1.234", row);
    }

    [Fact]
    public async Task Panel_analyst_is_refused_and_sees_no_result()
    {
        var engine = await WarehouseAsync(VerificationFinding.Of("verify.orphan_key", "dw.fct_claim", 1, ["facility_key = 9 (1 dòng)"], "x"));
        SignIn(engine, "phantich", Roles.Analyst);

        var panel = Render<VerificationPanel>();

        panel.WaitForAssertion(() => Assert.Contains("Chỉ tài khoản quản trị", panel.Find("#verify-panel p.error").TextContent));
        Assert.Empty(panel.FindAll("#verify-findings"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a warehouse file still open */ }
    }
}

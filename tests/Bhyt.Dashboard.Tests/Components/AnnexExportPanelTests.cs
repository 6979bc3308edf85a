using Bunit;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>The <i>Xuất phụ lục</i> panel of Báo cáo nộp rendered over a real warehouse: an analyst picks Đà Lạt or a ward and downloads; a viewer sees nothing.</summary>
public sealed class AnnexExportPanelTests : BunitContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-annex-panel-").FullName;

    private async Task<UnitInfo> SignInAsync(string role)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        var units = new UnitCatalog(new ReportingDb(engine));
        var signedIn = new SignedIn("u-" + role, role);
        Services.AddSingleton<AuthenticationStateProvider>(signedIn);
        Services.AddSingleton(new AnnexDownload(engine, units, signedIn, NullLogger<AnnexDownload>.Instance));
        var authorization = AddAuthorization();
        authorization.SetAuthorized("u-" + role);
        authorization.SetRoles(role);
        JSInterop.Mode = JSRuntimeMode.Loose;
        return (await units.FindAsync(BoundarySets.Pre2025, "672", CancellationToken.None))!;
    }

    [Fact]
    public async Task Panel_analyst_choosesAmongTheUnitAndItsWards_andDownloadsTheAnnex()
    {
        var dalat = await SignInAsync(Roles.Analyst);

        var panel = Render<AnnexExportPanel>(p => p.Add(x => x.Unit, dalat).Add(x => x.Set, BoundarySets.Pre2025));

        panel.WaitForAssertion(() => Assert.Equal(17, panel.FindAll("#annex-unit option").Count));
        Assert.Equal("672", panel.Find("#annex-unit").GetAttribute("value"));
        panel.Find("#annex-download").Click();
        panel.WaitForAssertion(() => Assert.Contains("Đã xuất phu-luc-672.docx", panel.Find(".annex-export p[role=status]").TextContent));
        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "bhyt.downloadFile");
        Assert.Equal("phu-luc-672.docx", call.Arguments[0]);
    }

    [Fact]
    public async Task Panel_viewer_seesNoExport()
    {
        var dalat = await SignInAsync(Roles.Viewer);

        var panel = Render<AnnexExportPanel>(p => p.Add(x => x.Unit, dalat).Add(x => x.Set, BoundarySets.Pre2025));

        Assert.Empty(panel.FindAll(".annex-export"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Directory.Delete(_folder, recursive: true);
    }
}

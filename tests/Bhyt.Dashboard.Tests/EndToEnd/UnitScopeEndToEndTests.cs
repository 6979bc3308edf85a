using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// A province-scoped leader in a real browser: the account (scope <c>pre2025:62</c>, Kon Tum — the sample data's province)
/// lands on its province, not the country; typing another province's or the country's code into the URL shows the refusal
/// and no figure; the unit search offers only Kon Tum's units. Screenshot <c>screenshots/scope-kon-tum.png</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class UnitScopeEndToEndTests(DashboardFixture fixture)
{
    private const string User = "lanhdao.kontum";
    private const string Password = "mat-khau-kon-tum-1";

    /// <summary>Kon Tum's pre-2025 units, from the bundled reference file (its province_code column).</summary>
    private static HashSet<string> KonTumUnits() =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, "warehouse", "Reference", "Data", "admin_units.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[2] == "pre2025" && f[7] == "62").Select(f => f[0]).ToHashSet();

    [Fact]
    public async Task Province_scoped_account_is_refused_other_units_typed_into_the_url_and_offered_only_its_own()
    {
        new UserStore(fixture.Server.UsersFile).Save(User, "Lãnh đạo tỉnh Kon Tum", Roles.Viewer, Password, "pre2025:62");
        var page = await fixture.LoginAsync("/", User, Password);

        await Expect(page.Locator("h1")).ToContainTextAsync("Kon Tum");
        await Expect(page.Locator("#account-scope")).ToContainTextAsync("Kon Tum");
        await Expect(page.Locator("ol.breadcrumb")).Not.ToContainTextAsync("Việt Nam");
        await Expect(page.Locator("#overview-table")).ToBeVisibleAsync();

        foreach (var path in new[] { "/bao-phu?unit=68&set=pre2025", "/?unit=VN&set=pre2025", "/kham-chua-benh?unit=24&set=post2025", "/bat-thuong?unit=672&set=pre2025" })
        {
            await page.GotoAsync(fixture.Server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            await Expect(page.Locator("p.error")).ToContainTextAsync("nằm ngoài phạm vi");
            await Expect(page.Locator("table.data")).ToHaveCountAsync(0);
            await Expect(page.Locator(".kpis")).ToHaveCountAsync(0);
        }

        await page.GotoAsync(fixture.Server.BaseUrl + "/bao-phu?unit=62&set=pre2025");
        await WaitInteractiveAsync(page);
        await page.FillAsync("#unit-search", "da lat");
        await page.WaitForTimeoutAsync(1000);
        await Expect(page.Locator(".unit-results a")).ToHaveCountAsync(0);
        await page.FillAsync("#unit-search", "phuong");
        await Expect(page.Locator(".unit-results a").First).ToBeVisibleAsync();
        var offered = await page.Locator(".unit-results a").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.unit)");
        Assert.NotEmpty(offered);
        Assert.Subset(KonTumUnits(), offered.ToHashSet());
        await ShotAsync(page, "scope-kon-tum");
    }
}

using System.Text.RegularExpressions;
using Bhyt.Dashboard.Security;
using static Microsoft.Playwright.Assertions;

using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Từ điển dữ liệu in a real browser for a read-only account: reached from the menu, searched without tones, and what it
/// lists is the warehouse's catalog. Screenshot <c>screenshots/13-tu-dien.png</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DictionaryPageEndToEndTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Viewer_opens_the_dictionary_from_the_menu_and_finds_a_column_by_its_meaning_without_tones()
    {
        new UserStore(fixture.Server.UsersFile).Save("xem-tudien", "Người xem từ điển", Roles.Viewer, "mat-khau-xem-tu-dien-1");
        var page = await fixture.LoginAsync("/", "xem-tudien", "mat-khau-xem-tu-dien-1");

        await page.ClickAsync("nav.side a[data-page=tu-dien]");
        await Expect(page).ToHaveURLAsync(new Regex("/tu-dien"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Từ điển dữ liệu");
        await Expect(page.Locator("section[data-view=anomalies] tr[data-column=kind]")).ToContainTextAsync("coverage_drop");
        await Expect(page.Locator("tr.missing")).ToHaveCountAsync(0);

        await page.FillAsync("#dictionary-search", "chi phi thuoc");
        await Expect(page.Locator("section[data-view=claims_monthly] tr[data-column=drug_cost]")).ToContainTextAsync("đồng");
        await Expect(page.Locator("section[data-view=units]")).ToHaveCountAsync(0);
        await ShotAsync(page, "13-tu-dien");
    }
}

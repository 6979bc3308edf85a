using Bhyt.Dashboard.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bhyt.Dashboard.Tests.Audit;

/// <summary>
/// In chromium over the real dashboard: acts done through a page's circuit (an account saved, a table exported) reach the
/// Nhật ký page with the browser's address, taken when the circuit opened.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditBrowserTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AuditPage_shows_an_account_saved_and_a_table_exported_in_this_session_with_the_browsers_address()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var page = await fixture.LoginAsync("/quan-tri/tai-khoan");
        await page.FillAsync("#account-user", $"xem.{suffix}");
        await page.FillAsync("#account-password", "mat-khau-nguoi-xem-1");
        await page.ClickAsync("#account-save");
        await Expect(page.Locator("p.ok")).ToContainTextAsync($"xem.{suffix}");

        await page.GotoAsync(fixture.Server.BaseUrl + "/bao-phu?unit=VN&from=2015&to=2024");
        await DashboardPages.WaitInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.export").First.ClickAsync());
        var exported = download.SuggestedFilename;

        await page.GotoAsync(fixture.Server.BaseUrl + "/quan-tri/nhat-ky");
        await DashboardPages.WaitInteractiveAsync(page);
        var saved = page.Locator("#audit-table tr[data-action='account_save']", new() { HasText = $"xem.{suffix}" });
        await Expect(saved).ToContainTextAsync("tạo mới, vai trò viewer");
        await Expect(saved).ToContainTextAsync("127.0.0.1");
        // Newest first: this session's export, whatever other tests of the same dashboard exported before.
        var export = page.Locator("#audit-table tr[data-action='export']", new() { HasText = exported }).First;
        await Expect(export).ToContainTextAsync("127.0.0.1");
        await Expect(export).ToContainTextAsync("/bao-phu?unit=VN");

        await page.SelectOptionAsync("#audit-action", "export");
        await page.ClickAsync("#audit-filter");
        await Expect(page.Locator("#audit-table tbody tr[data-action='account_save']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#audit-table tbody tr[data-action='export']").First).ToBeVisibleAsync();
        await DashboardPages.ShotAsync(page, "nhat-ky");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>What every end-to-end test does with a page of the shared dashboard: sign in, wait for interactivity, screenshot.</summary>
public static class DashboardPages
{
    /// <summary>Opens <paramref name="path"/>, is sent to the login page, signs in and waits until the page is interactive.</summary>
    public static async Task<IPage> LoginAsync(this DashboardFixture fixture, string path = "/",
        string user = DashboardServer.AdminUser, string password = DashboardServer.AdminPassword)
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + path);
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap"));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("section.login button[type=submit]");
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the Blazor circuit has made the page interactive.</summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator("header.top[data-interactive]").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>A full-page screenshot <c>screenshots/{name}.png</c> beside the test binaries.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name + ".png"), FullPage = true });
}

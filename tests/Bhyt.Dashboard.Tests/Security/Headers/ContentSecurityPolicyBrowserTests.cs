using Bhyt.Dashboard.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bhyt.Dashboard.Tests.Security.Headers;

/// <summary>
/// The Content-Security-Policy in chromium: the pages (Blazor Server circuit, Radzen charts and grids) run without a
/// single violation, while an inline script injected into the page is blocked.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(DashboardFixture fixture)
{
    private const string RecordViolations =
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task Pages_under_the_policy_become_interactive_without_violations_and_injected_inline_script_is_blocked()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") console.Add(message.Text); };
        await page.GotoAsync(fixture.Server.BaseUrl + "/dang-nhap");
        await page.FillAsync("#userName", DashboardServer.AdminUser);
        await page.FillAsync("#password", DashboardServer.AdminPassword);
        await page.ClickAsync("section.login button[type=submit]");

        foreach (var path in new[] { "/?unit=VN", "/bao-phu?unit=VN&from=2009&to=2024&set=pre2025", "/canh-bao?unit=VN", "/bat-thuong?unit=VN", "/quan-tri/tai-khoan" })
        {
            await page.GotoAsync(fixture.Server.BaseUrl + path);
            await page.Locator("header.top[data-interactive]").WaitForAsync(new() { Timeout = 30_000 });
            Assert.Empty(await page.EvaluateAsync<string[]>("window.cspViolations"));
        }
        await Expect(page.Locator("#accounts-table")).ToBeVisibleAsync();
        await page.ClickAsync("#accounts-table th:first-child"); // an interactive event through the circuit
        Assert.DoesNotContain(console, c => c.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        await page.EvaluateAsync("document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.injected = 1' }))");
        Assert.True(await page.EvaluateAsync<bool>("window.injected === undefined"));
        Assert.Contains(await page.EvaluateAsync<string[]>("window.cspViolations"), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }
}

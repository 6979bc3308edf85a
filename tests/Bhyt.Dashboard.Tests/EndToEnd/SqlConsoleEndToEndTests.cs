using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Truy vấn SQL in a real browser: the administrator completes a view name from the list, runs a query over rpt.units,
/// pages the results and downloads them as CSV and Excel; a query on dw is refused with its rule. Screenshot
/// <c>screenshots/12-truy-van-sql.png</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SqlConsoleEndToEndTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Console_completes_runs_pages_and_exports_a_query_and_refuses_dw()
    {
        var page = await fixture.LoginAsync("/truy-van");
        await Expect(page.Locator("h1")).ToContainTextAsync("Truy vấn SQL");
        await Expect(page.Locator("#sql-schema details[data-view='indicator_values']")).ToHaveCountAsync(1);

        // The editor's script attaches after the schema is drawn: keys typed before then would reach no listener.
        await Expect(page.Locator("#sql-text[data-attached='true']")).ToHaveCountAsync(1);
        await page.Locator("#sql-text").PressSequentiallyAsync("SELECT unit_code, name FROM rpt.uni");
        await Expect(page.Locator(".sql-completion li").First).ToHaveTextAsync("units");
        await page.Locator("#sql-text").PressAsync("Enter");
        await page.Locator("#sql-text").PressSequentiallyAsync(" WHERE level = 'province' ORDER BY unit_code");
        await Expect(page.Locator("#sql-text")).ToHaveValueAsync(new Regex("FROM rpt\\.units WHERE level"));
        await Expect(page.Locator(".sql-backdrop .sql-keyword").First).ToHaveTextAsync("SELECT");
        await page.ClickAsync("#sql-run");

        await Expect(page.Locator("#sql-status")).ToContainTextAsync("dòng", new() { Timeout = 30_000 });
        await Expect(page.Locator("#sql-result tbody tr")).ToHaveCountAsync(50);
        await Expect(page.Locator("#sql-page")).ToHaveTextAsync(new Regex(@"^Trang 1 / \d+$"));
        await page.ClickAsync("#sql-next");
        await Expect(page.Locator("#sql-page")).ToHaveTextAsync(new Regex(@"^Trang 2 / \d+$"));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#sql-export-csv"));
        Assert.EndsWith(".csv", csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await csv.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("unit_code,name", text.TrimStart('\uFEFF'));
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#sql-export-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        Assert.Equal("PK", (await File.ReadAllTextAsync(await xlsx.PathAsync(), TestContext.Current.CancellationToken))[..2]);
        await ShotAsync(page, "12-truy-van-sql");

        await page.Locator("#sql-text").FillAsync("SELECT * FROM dw.fct_claim");
        await page.ClickAsync("#sql-run");
        await Expect(page.Locator("#sql-status")).ToContainTextAsync("[sql.rpt_only]");
        await Expect(page.Locator("#sql-history tbody tr").First).ToHaveAttributeAsync("data-outcome", "refused");
    }
}

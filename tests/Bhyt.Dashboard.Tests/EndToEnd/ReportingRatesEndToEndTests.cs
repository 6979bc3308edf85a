using static Microsoft.Playwright.Assertions;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Báo cáo nộp in a real browser on the sample data, whose generated reporting schedule expects the sample province's districts
/// every year and the communes every month of 2024: the rates table under the province, and the communes still missing
/// their December report, as the warehouse's rpt.reporting_status holds them.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReportingRatesEndToEndTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Submissions_page_shows_the_reporting_rates_under_the_sample_province_and_the_communes_missing_their_report()
    {
        var page = await fixture.LoginAsync("/bao-cao-nop?unit=62&set=pre2025");
        await Expect(page.Locator("h1")).ToContainTextAsync("Báo cáo nộp");

        await Expect(page.Locator("#reporting-rates h2")).ToContainTextAsync("Tình hình nộp báo cáo theo lịch");
        await Expect(page.Locator("#rates-table tbody tr").First).ToContainTextAsync("PL 4");
        var missingRows = await page.Locator("#missing-table tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(missingRows);
        Assert.All(missingRows, row => Assert.Contains("2024-12", row));
        await Expect(page.Locator("section.counts")).ToContainTextAsync($"Quá hạn chưa nộp (theo lịch): {missingRows.Count}");
        // The year-based table gives way to the schedule where one is loaded.
        await Expect(page.Locator("#reporting-table")).ToHaveCountAsync(0);
    }
}

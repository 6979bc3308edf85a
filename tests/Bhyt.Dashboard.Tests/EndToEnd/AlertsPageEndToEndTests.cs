using static Bhyt.Tests.Support.CoverageMonths;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Cảnh báo in a real browser: an administrator adds a rule for Bắc Giang with a recipient, a monthly coverage file with
/// a Lục Ngạn-like fall of Sơn Động (220, July 2022) lands in the scheduler's inbox, and the page shows the one coverage-drop alert with its delivery — failed
/// with its error, since this dashboard has no SMTP server configured — then the alert is acknowledged. Screenshot
/// <c>screenshots/09-canh-bao-luc-ngan.png</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertsPageEndToEndTests(DashboardFixture fixture)
{
    private DashboardServer Server => fixture.Server;

    private static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    [Fact]
    public async Task Alerts_page_shows_the_lucngan_coverage_drop_its_failed_delivery_and_records_an_acknowledgement()
    {
        const string path = "/canh-bao?unit=220&set=pre2025";
        var page = await fixture.LoginAsync(path);
        await Expect(page.Locator("h1")).ToContainTextAsync("Cảnh báo");

        await FillAsync(page, "#rule-code", "coverage_drop");
        await FillAsync(page, "#rule-name", "Tỷ lệ bao phủ BHYT giảm mạnh (Bắc Giang)");
        await FillAsync(page, "#rule-unit", "24");
        await FillAsync(page, "#rule-threshold", "3");
        await FillAsync(page, "#rule-emails", "lanhdao@bhxh-bacgiang.vn");
        await page.ClickAsync("#rule-save");
        await Expect(page.Locator("form.rule-form p.ok")).ToContainTextAsync("Đã lưu quy tắc");
        await Expect(page.Locator("#alert-rules")).ToContainTextAsync("lanhdao@bhxh-bacgiang.vn");

        Directory.CreateDirectory(Server.Inbox);
        string[] rows =
        [
            "unit_code,unit_name,period,indicator,value,value_kind",
            .. Month("220", "2022-05", 100_000, [10_000, 3_000, 40_000, 16_050, 30_000, 0], "99,05"),
            .. Month("220", "2022-06", 100_000, [10_000, 3_000, 40_000, 16_100, 30_000, 0], "99,1"),
            .. Month("220", "2022-07", 100_000, [10_000, 3_000, 28_110, 16_100, 30_000, 0], "87,21"),
            .. Month("217", "2022-05", 200_000, [30_000, 6_000, 70_000, 40_000, 44_000, 600], "95,3"),
            .. Month("217", "2022-06", 200_000, [30_000, 6_000, 70_000, 40_100, 44_100, 600], "95,4"),
            .. Month("217", "2022-07", 200_000, [30_100, 6_000, 69_500, 40_100, 44_000, 600], "95,15"),
        ];
        await File.WriteAllLinesAsync(Path.Combine(Server.Inbox, "bac-giang-bao-phu-2022.csv"), rows, TestContext.Current.CancellationToken);

        var alert = page.Locator("#alerts-grid tr", new() { HasText = "2022-07" });
        // The scheduler imports, detects, evaluates the alerts and then tries to send: wait for the delivery's outcome.
        var tried = page.Locator("#alert-deliveries tr.delivery-failed, #alert-deliveries tr.delivery-delivered");
        for (var attempt = 0; attempt < 40 && await tried.CountAsync() == 0; attempt++)
        {
            await Task.Delay(3_000, TestContext.Current.CancellationToken);
            await page.GotoAsync(Server.BaseUrl + path);
            await WaitInteractiveAsync(page);
        }
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToContainTextAsync("coverage_drop");
        await Expect(alert).ToContainTextAsync("87,21 %");
        await Expect(alert).ToContainTextAsync("Đang cảnh báo");
        Assert.Equal(0, await page.Locator("#alerts-grid tr", new() { HasText = "217" }).CountAsync());
        var delivery = page.Locator("#alert-deliveries tbody tr", new() { HasText = "lanhdao@bhxh-bacgiang.vn" });
        await Expect(delivery).ToHaveCountAsync(1);
        await Expect(delivery).ToContainTextAsync("Thư điện tử");
        await Expect(delivery.Locator("td.delivery-status")).ToHaveTextAsync("Gửi lỗi (sẽ thử lại)");
        await Expect(delivery).ToContainTextAsync("BHYT_SMTP_HOST");

        await alert.Locator("button.alert-ack").ClickAsync();
        await Expect(page.Locator("p.ok")).ToContainTextAsync("Đã ghi nhận cảnh báo");
        await Expect(page.Locator("#alerts-grid tr", new() { HasText = "2022-07" })).ToContainTextAsync("Đã ghi nhận");
        await ShotAsync(page, "09-canh-bao-luc-ngan");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// The *Bất thường* page in a real browser over the shared dashboard: a monthly coverage file with Lục Ngạn's fall
/// (99,1 % in June 2021 → 87,21 % in July, domain.md) dropped into the scheduler's inbox is loaded and detected; the
/// analyst opens the drop, sees its series with the normal band and the precision table, and records a verdict.
/// Screenshots land in <c>screenshots/</c> beside the test binaries.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AnomaliesPageEndToEndTests(DashboardFixture fixture)
{
    private DashboardServer Server => fixture.Server;

    private static readonly string[] LucNganMonths =
    [
        "unit_code,unit_name,period,indicator,value,value_kind",
        "219,,2021-05,cov_rate,\"99,05\",", "219,,2021-06,cov_rate,\"99,1\",", "219,,2021-07,cov_rate,\"87,21\",", "219,,2021-08,cov_rate,\"87,5\",",
        "218,,2021-05,cov_rate,\"95,3\",", "218,,2021-06,cov_rate,\"95,4\",", "218,,2021-07,cov_rate,\"95,15\",", "218,,2021-08,cov_rate,\"95,3\",",
    ];

    [Fact]
    public async Task An_analyst_opens_a_detected_coverage_drop_sees_its_band_and_the_precision_table_and_records_a_verdict()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Server.Inbox);
        await File.WriteAllLinesAsync(Path.Combine(Server.Inbox, "bao-phu-thang-luc-ngan-2021.csv"), LucNganMonths, ct);
        const string path = "/bat-thuong?unit=219&from=2021&to=2021&set=pre2025";
        var page = await fixture.LoginAsync(path);
        // Wait for this file's drop itself: the other test of this class may already have put a claim flag in the subtree.
        var waitedFor = page.Locator("#anomalies-grid tr", new() { HasText = "coverage_drop" });
        for (var attempt = 0; attempt < 40 && await waitedFor.CountAsync() == 0; attempt++)
        {
            await Task.Delay(3_000, ct);
            await page.GotoAsync(Server.BaseUrl + path);
            await WaitInteractiveAsync(page);
        }
        await Expect(page.Locator("h1")).ToContainTextAsync("Bất thường");
        // Lục Ngạn's fall is flagged once; its stable neighbour Lục Nam (218) is not in this unit's subtree, nor flagged.
        var drop = page.Locator("#anomalies-grid tr", new() { HasText = "coverage_drop" });
        await Expect(drop).ToHaveCountAsync(1);
        await drop.Locator("button.anomaly-select").ClickAsync();

        var detail = page.Locator("#anomaly-detail");
        await Expect(detail.Locator("p.explanation")).ToContainTextAsync("87,21");
        await Expect(detail.Locator("figure[data-chart=anomaly-band] svg").First).ToBeVisibleAsync();
        var flagged = detail.Locator("#anomaly-band-table tr.flagged");
        await Expect(flagged).ToContainTextAsync("T7/21");
        await Expect(flagged).ToContainTextAsync("87,21 %");
        await Expect(flagged).ToContainTextAsync("97,10 % – 99,10 %");
        var precision = page.Locator("#rule-precision tr[data-kind=coverage_drop]");
        await Expect(precision.Locator("td.precision")).ToContainTextAsync("chưa đủ đánh giá");
        await ShotAsync(page, "20-bat-thuong-chi-tiet");

        await drop.Locator("select.verdict-status").SelectOptionAsync("confirmed");
        await drop.Locator("input.verdict-note").FillAsync("Đã đối chiếu: hộ gia đình không gia hạn thẻ tháng 7.");
        await drop.Locator("input.verdict-note").PressAsync("Tab");
        await drop.Locator("button.verdict-save").ClickAsync();
        await Expect(page.Locator("p.ok")).ToContainTextAsync("Xác nhận bất thường");
        await Expect(page.Locator("#anomalies-grid tr", new() { HasText = "coverage_drop" })).ToContainTextAsync("Đã đối chiếu");
        await Expect(precision.Locator("td.precision")).ToContainTextAsync("(1 kết luận)");
        await Expect(detail).ToBeVisibleAsync();
        await ShotAsync(page, "21-bat-thuong-ket-luan");
    }

    [Fact]
    public async Task A_duplicate_claim_shows_the_flagged_claim_beside_its_same_day_counterpart()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Server.Inbox);
        // Two Lục Ngạn facilities; one card examined at both on 10/02/2023 (the bhyt detect claim rules flag each claim).
        await File.WriteAllLinesAsync(Path.Combine(Server.Inbox, "co-so-kcb-luc-ngan-e2e.csv"),
        [
            "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code", "24991,Phòng khám đa khoa Lục Ngạn E2E,3,public,219", "24992,Trạm y tế xã Kiên Lao E2E,4,public,219",
        ], ct);
        await File.WriteAllLinesAsync(Path.Combine(Server.Inbox, "ho-so-trung-ngay-e2e.csv"),
        [
            "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU",
            "E2E-DUP-1,GD4249910000001,24991,1,202302100800,202302100930,0,J18,350000,280000,70000,100000,10000,24",
            "E2E-DUP-2,GD4249910000001,24992,1,202302101400,202302101500,0,J18,410000,328000,82000,120000,10000,24",
            "E2E-ONE-3,GD4249910000002,24991,1,202302100800,202302100900,0,J18,150000,120000,30000,50000,5000,24",
        ], ct);
        const string path = "/bat-thuong?unit=219&set=pre2025";
        var page = await fixture.LoginAsync(path);
        var row = page.Locator("#anomalies-grid tr", new() { HasText = "E2E-DUP-2" });
        for (var attempt = 0; attempt < 40 && await row.CountAsync() == 0; attempt++)
        {
            await Task.Delay(3_000, ct);
            await page.GotoAsync(Server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            await page.SelectOptionAsync("#anomaly-kind", "duplicate_claim");
            await page.ClickAsync("#anomaly-filter");
        }
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("button.anomaly-select").ClickAsync();

        var claims = page.Locator("#anomaly-detail #anomaly-claims tbody tr");
        await Expect(claims).ToHaveCountAsync(2);
        await Expect(page.Locator("#anomaly-claims tr.flagged strong")).ToHaveTextAsync("E2E-DUP-2");
        await Expect(claims.Nth(0)).ToContainTextAsync("E2E-DUP-1");
        await Expect(claims.Nth(0)).ToContainTextAsync("350.000 đ");
        await Expect(claims.Nth(1)).ToContainTextAsync("Trạm y tế xã Kiên Lao E2E");
        await Expect(page.Locator("#anomaly-detail")).Not.ToContainTextAsync("GD4249910000001");
        await Expect(page.Locator("#rule-precision tr[data-kind=duplicate_claim]")).ToBeVisibleAsync();
        await ShotAsync(page, "22-bat-thuong-ho-so-trung-ngay");
    }
}

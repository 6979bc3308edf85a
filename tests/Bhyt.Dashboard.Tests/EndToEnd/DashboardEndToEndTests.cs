using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard in a real browser: login, every page, unit and period changes, drill-down, CSV export, upload,
/// roles. Screenshots of each page land in <c>screenshots/</c> beside the test binaries.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardEndToEndTests(DashboardFixture fixture)
{
    private DashboardServer Server => fixture.Server;

    [Fact]
    public async Task Pages_require_login_and_a_wrong_password_is_refused()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(Server.BaseUrl + "/bao-phu?unit=VN");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap\\?returnUrl=%2Fbao-phu"));
        await page.FillAsync("#userName", DashboardServer.AdminUser);
        await page.FillAsync("#password", "sai-mat-khau");
        await page.ClickAsync("section.login button[type=submit]");
        await Expect(page.Locator("p.error")).ToContainTextAsync("không đúng");
        await ShotAsync(page, "00-dang-nhap-sai");

        await page.FillAsync("#userName", DashboardServer.AdminUser);
        await page.FillAsync("#password", DashboardServer.AdminPassword);
        await page.ClickAsync("section.login button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/bao-phu\\?unit=VN"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Bao phủ BHYT");
    }

    [Fact]
    public async Task Every_page_opens_with_its_content_and_is_saved_as_a_screenshot()
    {
        var page = await fixture.LoginAsync();
        var pages = new (string Path, string Heading, string Shot)[]
        {
            ("/?unit=VN&from=2009&to=2024&set=pre2025", "Tổng quan", "01-tong-quan-toan-quoc"),
            ("/bao-phu?unit=VN&from=2009&to=2024&set=pre2025", "Bao phủ", "02-bao-phu-toan-quoc"),
            ("/kham-chua-benh?unit=VN&from=2009&to=2024&set=pre2025", "Khám chữa bệnh", "03-kham-chua-benh"),
            ("/quy-bhyt?unit=VN&from=2009&to=2024&set=pre2025", "Quỹ BHYT", "04-quy-bhyt"),
            ("/bao-cao-nop?unit=VN&from=2009&to=2024&set=pre2025", "Báo cáo nộp", "05-bao-cao-nop"),
            ("/bat-thuong?unit=VN", "Bất thường", "06-bat-thuong"),
            ("/canh-bao?unit=VN", "Cảnh báo", "07-canh-bao"),
        };
        foreach (var (path, heading, shot) in pages)
        {
            await page.GotoAsync(Server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            await Expect(page.Locator("p.loading")).ToHaveCountAsync(0);
            await ShotAsync(page, shot);
            var errors = await page.Locator("p.error").AllInnerTextsAsync();
            Assert.True(errors.Count == 0, $"{path}: {string.Join(" | ", errors)}");
        }
    }

    [Fact]
    public async Task Overview_of_the_country_shows_kpi_cards_and_a_coverage_trend_in_vietnamese_formats()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-kpi]")).ToHaveCountAsync(6);
        var coverage = page.Locator("[data-chart=cov_rate]");
        await Expect(coverage.Locator("svg").First).ToBeVisibleAsync();
        await Expect(coverage.Locator("ul.legend li")).ToHaveTextAsync(["Báo cáo", "Chỉ tiêu", "Nguồn khác (số liệu khác)"]);
        // vi-VN: "," is the decimal separator of a rate, "." groups thousands.
        await Expect(page.Locator("#overview-table")).ToContainTextAsync(new Regex("\\d+,\\d{2} %"));
    }

    [Fact]
    public async Task Overview_of_the_country_lists_the_published_sources_that_disagree_with_links()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        var table = page.Locator("#sources-table");
        // 2023 coverage as three sources published it: every value kept, one shown, each with its publication.
        var coverage2023 = table.Locator("tbody tr", new() { HasText = "Năm 2023" }).Filter(new() { HasText = "Tỷ lệ bao phủ" });
        await Expect(coverage2023).ToHaveCountAsync(3);
        await Expect(coverage2023.Filter(new() { HasText = "93,35 %" })).ToHaveCountAsync(1);
        await Expect(coverage2023.Filter(new() { HasText = "92,00 %" })).ToHaveCountAsync(1);
        await Expect(coverage2023.Filter(new() { HasText = "Có" })).ToHaveCountAsync(1);
        await Expect(coverage2023.Locator("a[href^='http']")).ToHaveCountAsync(3);
        await table.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "11-tong-quan-nguon-khac-nhau");
    }

    [Fact]
    public async Task Overview_shows_a_figure_the_warehouse_computed_as_derived_never_as_reported()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/?unit=62&from=2015&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        // Cost per visit = spend_kcb / kcb_visits of Kon Tum's (synthetic) claims, stored by the warehouse as derived.
        var cost = page.Locator("[data-chart=kcb_cost_per_visit]");
        await Expect(cost.Locator("svg").First).ToBeVisibleAsync();
        await Expect(cost).ToContainTextAsync("do kho tính ra (tính từ hồ sơ KCB (tỷ lệ))");
        var row2024 = page.Locator("#overview-table tbody tr", new() { HasText = "2024" });
        await Expect(row2024).ToContainTextAsync("Chi phí bình quân một lượt KCB (đồng): tính từ hồ sơ KCB (tỷ lệ)");
        await Expect(page.Locator("#overview-table thead")).ToContainTextAsync("Số liệu do kho tính");
        await cost.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "14-tong-quan-so-lieu-do-kho-tinh");
    }

    [Fact]
    public async Task Kcb_of_the_country_does_not_compare_published_totals_with_one_provinces_claims()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/kham-chua-benh?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        var visits2024 = page.Locator("#compare-table tbody tr", new() { HasText = "Tổng lượt KCB BHYT" }).Filter(new() { HasText = "2024" });
        await Expect(visits2024).ToContainTextAsync("186.200.000");
        await Expect(visits2024).ToContainTextAsync("không so sánh (hồ sơ KCB chỉ có của 1/63 tỉnh)");
        await Expect(visits2024).Not.ToContainTextAsync("%");
        // Kon Tum alone: its claims are the whole of its claims, so the chart says where its bars come from.
        await page.GotoAsync(Server.BaseUrl + "/kham-chua-benh?unit=62&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("figure[data-chart=tiers] figcaption")).ToContainTextAsync("tính từ hồ sơ KCB");
        await Expect(page.Locator("p.synthetic")).ToContainTextAsync("Dữ liệu mô phỏng (tổng hợp)");
        await ShotAsync(page, "13-kcb-kon-tum-mo-phong");
    }

    [Fact]
    public async Task Unit_search_without_diacritics_and_period_changes_are_kept_in_the_url()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        await page.FillAsync("#unit-search", "da lat");
        var result = page.Locator(".unit-results a[data-unit='672']");
        await Expect(result).ToContainTextAsync("Đà Lạt");
        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("unit=672"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Đà Lạt");

        await page.SelectOptionAsync("#from-year", "2015");
        await Expect(page).ToHaveURLAsync(new Regex("unit=672&from=2015&to=2024"));
        await page.SelectOptionAsync("#to-year", "2020");
        await Expect(page).ToHaveURLAsync(new Regex("unit=672&from=2015&to=2020"));
        await ShotAsync(page, "08-da-lat-2015-2020");

        // The link is shareable: a new tab with the same URL shows the same selection.
        var shared = await page.Context.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await WaitInteractiveAsync(shared);
        await Expect(shared.Locator("h1")).ToContainTextAsync("Đà Lạt");
        await Expect(shared.Locator("#from-year")).ToHaveValueAsync("2015");
    }

    [Fact]
    public async Task Coverage_drills_down_from_province_to_district_to_commune()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/bao-phu?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        // Farthest from target first; provinces without 2024 figures last.
        await Expect(page.Locator("#children-table tbody tr").First).ToContainTextAsync("%");
        await Expect(page.Locator("#children-table tbody tr").Last).Not.ToContainTextAsync("%");
        await Expect(page.Locator("#children-table tr[data-unit='62'] .badge.synthetic")).ToHaveTextAsync("mô phỏng");
        await page.Locator("#children-table tr[data-unit='68'] a.drill").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("unit=68&"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Lâm Đồng");
        await page.Locator("#children-table tr[data-unit='672'] a.drill").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("unit=672&"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Đà Lạt");
        await Expect(page.Locator("#children-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator(".breadcrumb li")).ToHaveCountAsync(3);
        await ShotAsync(page, "09-bao-phu-da-lat-cac-phuong-xa");

        await page.Locator(".breadcrumb a[data-unit='68']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("unit=68&"));
    }

    [Fact]
    public async Task Boundary_set_switch_shows_the_2025_provinces()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/bao-phu?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("#children-table tbody tr")).ToHaveCountAsync(63);
        await page.ClickAsync("#set-post2025");
        await Expect(page).ToHaveURLAsync(new Regex("set=post2025"));
        await Expect(page.Locator("#children-table tbody tr")).ToHaveCountAsync(34);
        await ShotAsync(page, "10-bao-phu-34-tinh");
    }

    [Fact]
    public async Task Csv_export_downloads_the_table_shown()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/bao-phu?unit=VN&from=2009&to=2024&set=pre2025");
        await WaitInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button[data-export^='bao-phu-VN']"));
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!, TestContext.Current.CancellationToken);
        Assert.Equal("Mã,Đơn vị,Tỷ lệ bao phủ (%),Chỉ tiêu (%),Còn cách chỉ tiêu (điểm %),Nguồn tỷ lệ", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(64, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("68,Tỉnh Lâm Đồng,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_uploads_a_file_into_the_inbox()
    {
        var page = await fixture.LoginAsync();
        await page.GotoAsync(Server.BaseUrl + "/bao-cao-nop?unit=VN");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("#upload")).ToHaveAttributeAsync("accept", Bhyt.Etl.Import.ImportKinds.Registered.Accept);
        var file = Path.Combine(Server.Folder, "upload-test.csv");
        await File.WriteAllTextAsync(file, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2023,cov_rate,\"93,5\",actual\n", TestContext.Current.CancellationToken);
        await page.SetInputFilesAsync("#upload", file);
        await Expect(page.Locator("section.upload p.ok")).ToContainTextAsync("upload-test.csv");
        Assert.Contains(Directory.GetFiles(Server.Inbox).Concat(Directory.Exists(Path.Combine(Server.Folder, "archive")) ? Directory.GetFiles(Path.Combine(Server.Folder, "archive")) : []),
            f => f.EndsWith("upload-test.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_adds_a_viewer_who_can_read_but_not_upload_or_manage_and_is_signed_out_when_deleted()
    {
        var admin = await fixture.LoginAsync();
        await admin.ClickAsync("nav.side a[data-page=tai-khoan]");
        await Expect(admin.Locator("h1")).ToContainTextAsync("Tài khoản");
        await admin.FillAsync("#account-user", "lanhdao");
        await admin.FillAsync("#account-name", "Lãnh đạo tỉnh");
        await admin.SelectOptionAsync("#account-role", "viewer");
        await admin.FillAsync("#account-password", "ngan");
        await admin.ClickAsync("#account-save");
        await Expect(admin.Locator("p.error")).ToContainTextAsync("ít nhất 12 ký tự");
        await admin.FillAsync("#account-password", "mat-khau-lanh-dao-1");
        await admin.ClickAsync("#account-save");
        await Expect(admin.Locator("#accounts-table tr[data-user=lanhdao]")).ToContainTextAsync("Lãnh đạo (xem)");
        await ShotAsync(admin, "12-tai-khoan");
        Assert.DoesNotContain("mat-khau-lanh-dao-1", await File.ReadAllTextAsync(Server.UsersFile, TestContext.Current.CancellationToken));

        var viewer = await fixture.LoginAsync("/bao-cao-nop?unit=VN", "lanhdao", "mat-khau-lanh-dao-1");
        await Expect(viewer.Locator("h1")).ToContainTextAsync("Báo cáo nộp");
        await Expect(viewer.Locator("header.top .user")).ToContainTextAsync("lanhdao · Lãnh đạo (xem)");
        await Expect(viewer.Locator("#upload")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("nav.side a[data-page=tai-khoan]")).ToHaveCountAsync(0);
        await viewer.GotoAsync(Server.BaseUrl + "/quan-tri/tai-khoan");
        await Expect(viewer.Locator("p.refused")).ToContainTextAsync("không có quyền");
        await Expect(viewer.Locator("#accounts-table")).ToHaveCountAsync(0);

        await Expect(admin.Locator("#accounts-table tr[data-user=admin] button.delete")).ToHaveCountAsync(0);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await admin.Locator("#accounts-table tr[data-user=lanhdao] button.delete").ClickAsync();
        await Expect(admin.Locator("#accounts-table tr[data-user=lanhdao]")).ToHaveCountAsync(0);
        await viewer.GotoAsync(Server.BaseUrl + "/bao-phu?unit=VN");
        await Expect(viewer).ToHaveURLAsync(new Regex("/dang-nhap"));
    }

    [Fact]
    public async Task An_analyst_accepts_a_figure_read_from_a_reports_text_and_it_loads_as_a_review_submission()
    {
        // A report without tables, dropped into the scheduler's inbox: its figure in prose becomes a candidate, not a fact.
        Directory.CreateDirectory(Server.Inbox);
        await File.WriteAllTextAsync(Path.Combine(Server.Inbox, "bao-cao-loi-van.txt"),
            "BÁO CÁO\nKết quả thực hiện BHYT trên địa bàn thành phố Đà Lạt năm 2023\n\nTỷ lệ bao phủ BHYT toàn thành phố đạt 93,17% dân số.\n",
            TestContext.Current.CancellationToken);
        var page = await fixture.LoginAsync();
        var row = page.Locator("#candidates-table tr[data-candidate]", new() { HasText = "93,17%" });
        for (var attempt = 0; attempt < 30 && await row.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync(Server.BaseUrl + "/duyet-so-lieu");
            await WaitInteractiveAsync(page);
            if (await row.CountAsync() == 0) await Task.Delay(3_000, TestContext.Current.CancellationToken);
        }
        await Expect(page.Locator("h1")).ToContainTextAsync("Duyệt số liệu");
        await Expect(row.Locator("mark")).ToHaveTextAsync("93,17%");
        await Expect(row.Locator("input.edit-unit")).ToHaveValueAsync("672");
        await Expect(row.Locator("select.edit-indicator")).ToHaveValueAsync("cov_rate");
        await Expect(row.Locator("input.edit-period")).ToHaveValueAsync("2023");
        await ShotAsync(page, "08-duyet-so-lieu");

        await row.Locator("input.edit-value").FillAsync("93,2");
        await row.Locator("input.edit-value").PressAsync("Tab");
        await row.Locator("button.accept").ClickAsync();
        await Expect(page.Locator("p.ok")).ToContainTextAsync("Đã chấp nhận");
        await Expect(page.Locator("p.ok")).ToContainTextAsync("93,20");

        await page.SelectOptionAsync("#review-status", "accepted");
        await page.ClickAsync("#review-filter");
        await Expect(page.Locator("#candidates-table tr.status-accepted", new() { HasText = "93,17%" })).ToContainTextAsync("Lần nộp #");
        await page.GotoAsync(Server.BaseUrl + "/bao-cao-nop?unit=672");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("#submissions-grid")).ToContainTextAsync("bao-cao-loi-van.txt · ứng viên #");
    }
}

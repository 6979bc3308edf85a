using System.Net;
using System.Text.RegularExpressions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Security;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Audit;

/// <summary>
/// Through the real dashboard process and its real endpoints: sign-in successes, failures (with the client's address) and
/// sign-outs reach the audit log, which an administrator reads on Nhật ký and a viewer cannot open.
/// </summary>
[Collection(SignInServerCollection.Name)]
public sealed partial class SignInAuditTests(SignInServerFixture fixture)
{
    private const string Password = "mat-khau-kiem-toan-1";

    private sealed record LoggedEvent(string Action, string Outcome, string Cells);

    private static async Task<List<LoggedEvent>> AuditPageAsync(SignInClient admin)
    {
        using var response = await admin.GetAsync("/quan-tri/nhat-ky");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return Row().Matches(html).Select(m => new LoggedEvent(m.Groups[1].Value, m.Groups[2].Value, WebUtility.HtmlDecode(m.Groups[3].Value))).ToList();
    }

    [Fact]
    public async Task SignIn_success_failure_and_sign_out_are_on_the_administrators_audit_page_with_their_address()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var user = $"kiem.toan.{suffix}";
        fixture.Users.Save(user, "Kiểm toán", Roles.Analyst, Password);
        using var attacker = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(182));
        using var analyst = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(183));
        using var admin = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(181));

        await attacker.LoginAsync(user, "doan-sai-mat-khau");
        await attacker.LoginAsync($"khong.co.{suffix}", "doan-sai-mat-khau");
        await analyst.LoginAsync(user, Password);
        await analyst.PostFromPageAsync("/", "/account/logout");
        await admin.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword);

        var events = await AuditPageAsync(admin);

        var mine = events.Where(e => e.Cells.Contains(suffix)).ToList();
        Assert.Contains(mine, e => e is { Action: "sign_in", Outcome: "failure" } && e.Cells.Contains($">{user}<") && e.Cells.Contains("127.0.0.182"));
        Assert.Contains(mine, e => e is { Action: "sign_in", Outcome: "failure" } && e.Cells.Contains($">khong.co.{suffix}<") && e.Cells.Contains("127.0.0.182"));
        Assert.Contains(mine, e => e is { Action: "sign_in", Outcome: "success" } && e.Cells.Contains("127.0.0.183") && e.Cells.Contains(Roles.NameVi(Roles.Analyst)));
        Assert.Contains(mine, e => e is { Action: "sign_out", Outcome: "success" } && e.Cells.Contains("127.0.0.183"));
        Assert.DoesNotContain(mine, e => e.Cells.Contains("doan-sai-mat-khau") || e.Cells.Contains(Password));
        Assert.Contains(events, e => e is { Action: "sign_in", Outcome: "success" } && e.Cells.Contains($">{DashboardServer.AdminUser}<") && e.Cells.Contains("127.0.0.181"));
    }

    [Fact]
    public async Task AuditPage_viewer_and_analyst_are_refused_and_see_no_link_to_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var (role, address) in new[] { (Roles.Viewer, 184), (Roles.Analyst, 185) })
        {
            var user = $"{role}.{suffix}";
            fixture.Users.Save(user, user, role, Password);
            using var client = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(address));
            await client.LoginAsync(user, Password);

            using var page = await client.GetAsync("/quan-tri/nhat-ky");
            var home = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/khong-co-quyen", page.Headers.Location!.IsAbsoluteUri ? page.Headers.Location.PathAndQuery : page.Headers.Location.OriginalString);
            Assert.DoesNotContain("id=\"audit-table\"", await page.Content.ReadAsStringAsync());
            Assert.Contains("data-page=\"bao-phu\"", home);
            Assert.DoesNotContain("quan-tri/nhat-ky", home);
        }
    }

    [GeneratedRegex("<tr data-event=\"\\d+\" data-action=\"([^\"]+)\" data-outcome=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}

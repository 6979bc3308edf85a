using System.Net;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Security.SignIn;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.Oidc;

/// <summary>
/// Organisation sign-in end to end over HTTP: the client follows the redirects dashboard → provider → dashboard with
/// its cookies, as a browser would; the provider checks PKCE and signs the ID token.
/// </summary>
public sealed class OidcSignInTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private SignInClient Browser(int last) => new(fixture.Server.BaseUrl, SignInClient.Loopback(last), followRedirects: true);

    [Fact]
    public async Task OrganisationSignIn_with_pkce_ends_signed_in_with_the_highest_mapped_role()
    {
        fixture.Provider.NextUser = new ProviderUser("5f1c", "nguyen.van.a", "Nguyễn Văn A", ["NhanVien", "BHXH-LanhDao", "BHXH-PhanTich"], "24");
        using var browser = Browser(31);

        var landed = await browser.GetAsync($"{AccountEndpoints.OrganisationPath}?returnUrl=%2Fbao-phu%3Funit%3D24");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/bao-phu?unit=24", landed.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("nguyen.van.a · Phân tích", WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync()));
        Assert.Contains("authorize S256", fixture.Provider.Log);
        Assert.Contains("token pkce-ok", fixture.Provider.Log);
        var accounts = await browser.GetAsync("/quan-tri/tai-khoan");
        Assert.DoesNotContain("id=\"accounts-table\"", await accounts.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OrganisationSignIn_of_a_mapped_administrator_opens_the_administrators_page()
    {
        fixture.Provider.NextUser = new ProviderUser("9a07", "tran.thi.b", "Trần Thị B", ["BHXH-QuanTri"], null);
        using var browser = Browser(32);

        await browser.GetAsync(AccountEndpoints.OrganisationPath);
        var accounts = await browser.GetAsync("/quan-tri/tai-khoan");

        var page = WebUtility.HtmlDecode(await accounts.Content.ReadAsStringAsync());
        Assert.Equal("/quan-tri/tai-khoan", accounts.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("tran.thi.b · Quản trị", page);
        Assert.Contains("id=\"accounts-table\"", page);
    }

    [Fact]
    public async Task OrganisationSignIn_with_a_token_signed_by_an_unknown_key_is_refused()
    {
        using var browser = Browser(33);
        fixture.Provider.NextUser = new ProviderUser("77aa", "gia.mao", "Giả mạo", ["BHXH-QuanTri"], null);
        fixture.Provider.SignWithUnknownKey = true;
        HttpResponseMessage landed;
        try
        {
            landed = await browser.GetAsync(AccountEndpoints.OrganisationPath);
        }
        finally
        {
            fixture.Provider.SignWithUnknownKey = false;
        }

        Assert.Equal($"{AccountEndpoints.LoginPath}?loi={LoginErrors.OrganisationFailed}", landed.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("không thành công", WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync()));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task OrganisationSignIn_of_a_user_without_a_mapped_role_is_refused()
    {
        fixture.Provider.NextUser = new ProviderUser("31bc", "khach.moi", "Khách mới", ["NhanVien"], "01");
        using var browser = Browser(34);

        var landed = await browser.GetAsync(AccountEndpoints.OrganisationPath);

        Assert.Equal($"{AccountEndpoints.LoginPath}?loi={LoginErrors.NoRole}", landed.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Logout_of_an_organisation_session_also_ends_it_at_the_provider_and_comes_back_to_the_login()
    {
        fixture.Provider.NextUser = new ProviderUser("c0de", "pham.van.d", "Phạm Văn D", ["BHXH-LanhDao"], "01");
        using var browser = Browser(36);
        await browser.GetAsync(AccountEndpoints.OrganisationPath);
        Assert.True(await browser.IsSignedInAsync());
        var endedBefore = fixture.Provider.Log.Count(l => l == "end-session");

        var landed = await browser.PostFromPageAsync("/", "/account/logout");

        Assert.Equal(AccountEndpoints.LoginPath, landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(endedBefore + 1, fixture.Provider.Log.Count(l => l == "end-session"));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Login_page_offers_the_organisation_button_and_local_accounts_still_sign_in()
    {
        using var browser = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(35));
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync(AccountEndpoints.LoginPath)).Content.ReadAsStringAsync());
        Assert.Contains("Đăng nhập bằng tài khoản tổ chức", page);

        Assert.Null(LocalSignInTests.ErrorOf(await browser.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword)));
        Assert.True(await browser.IsSignedInAsync());
    }
}

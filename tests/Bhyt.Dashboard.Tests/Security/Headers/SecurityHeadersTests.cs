using System.Net;
using System.Text.RegularExpressions;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.Headers;

/// <summary>The security headers on the answers of a real dashboard process: pages, files, redirects, errors.</summary>
[Collection(SignInServerCollection.Name)]
public sealed partial class SecurityHeadersTests(SignInServerFixture fixture)
{
    [Fact]
    public async Task Responses_of_every_kind_carry_nosniff_referrer_policy_and_a_strict_script_policy()
    {
        using var client = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(1));
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["login page"] = await client.GetAsync("/dang-nhap"),
            ["script file"] = await client.GetAsync("/_framework/blazor.web.js"),
            ["anonymous page"] = await client.GetAsync("/bao-phu"),
            ["missing page"] = await client.GetAsync("/khong-co-trang-nay"),
            ["login post"] = await client.LoginAsync("khong.ton.tai.tieu.de", "sai-mat-khau"),
        };
        Assert.Equal(HttpStatusCode.OK, responses["script file"].StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, responses["anonymous page"].StatusCode);

        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", what);
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
            var policy = Assert.Single(csp);
            var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
            Assert.Matches("^script-src 'self' 'nonce-[0-9A-F]{32}'$", directives["script-src"]);
            Assert.Equal("object-src 'none'", directives["object-src"]);
            Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
            Assert.Equal("default-src 'self'", directives["default-src"]);
            Assert.Equal("form-action 'self'", directives["form-action"]);
        }
    }

    [Fact]
    public async Task Page_import_map_carries_the_nonce_of_its_own_response_and_each_response_a_new_one()
    {
        using var client = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(1));
        var first = await client.GetAsync("/dang-nhap");
        var second = await client.GetAsync("/dang-nhap");

        var nonce = HeaderNonce(first);
        Assert.Equal(nonce, ImportMapNonce().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.NotEqual(nonce, HeaderNonce(second));
        Assert.Equal(1, InlineScript().Count(await second.Content.ReadAsStringAsync()));
    }

    private static string HeaderNonce(HttpResponseMessage response) =>
        Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

    [GeneratedRegex("<script type=\"importmap\" nonce=\"([^\"]+)\">")]
    private static partial Regex ImportMapNonce();

    /// <summary>Script elements without <c>src</c>: the import map must be the only one.</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}

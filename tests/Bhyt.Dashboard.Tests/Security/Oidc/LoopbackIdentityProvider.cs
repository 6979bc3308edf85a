using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bhyt.Dashboard.Tests.Security.Oidc;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port: discovery, a JWKS with one RSA key, <c>/authorize</c> that
/// insists on the authorization code flow with a PKCE S256 challenge and answers in the query, and <c>/token</c> that
/// checks the client, the redirect URI and the code verifier against the challenge before returning an RS256-signed
/// ID token (audience, issuer, nonce, lifetime); <c>/end-session</c> signs out and sends the browser back.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "bhyt-dashboard";
    public const string ClientSecret = "bi-mat-cua-bhyt-dashboard";
    private const string KeyId = "loopback-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _unknownKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentQueue<string> _log = new();
    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    public ProviderUser NextUser { get; set; } = new("sub-0", "nguoi.dung", "Người dùng", [], null);

    /// <summary>Signs the next ID tokens with a key that is not in the JWKS (same key id): the client must refuse them.</summary>
    public bool SignWithUnknownKey { get; set; }

    /// <summary>What the provider checked, one line per request (e.g. <c>authorize S256</c>, <c>token pkce-ok</c>).</summary>
    public IReadOnlyCollection<string> Log => _log.ToArray();

    private sealed record PendingCode(string RedirectUri, string Challenge, string? Nonce, ProviderUser User);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/end-session", EndSession);
        await _app.StartAsync();
        Authority = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["end_session_endpoint"] = Authority + "/end-session",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Jwks()
    {
        var key = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string? redirectUri = q["redirect_uri"], challenge = q["code_challenge"];
        if (q["client_id"] != ClientId || string.IsNullOrEmpty(redirectUri)) return Refuse("authorize bad-client");
        if (q["response_type"] != "code") return Refuse("authorize not-code-flow");
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(challenge)) return Refuse("authorize no-pkce-s256");
        if (!(q["scope"].ToString().Split(' ').Contains("openid"))) return Refuse("authorize no-openid-scope");
        if (q["response_mode"].ToString() is not ("" or "query")) return Refuse("authorize not-query-mode");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new PendingCode(redirectUri, challenge, q["nonce"], NextUser);
        _log.Enqueue("authorize S256");
        return Results.Redirect($"{redirectUri}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    /// <summary>Ends the provider's session and sends the browser back to the client's post-logout address.</summary>
    private IResult EndSession(HttpRequest request)
    {
        var back = request.Query["post_logout_redirect_uri"].ToString();
        if (back.Length == 0) return Refuse("end-session no-return");
        _log.Enqueue("end-session");
        return Results.Redirect($"{back}?state={Uri.EscapeDataString(request.Query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret) return Refuse("token bad-client", "invalid_client");
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
            return Refuse("token bad-code", "invalid_grant");
        if (form["redirect_uri"] != pending.RedirectUri) return Refuse("token bad-redirect", "invalid_grant");
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.Challenge)
            return Refuse("token pkce-mismatch", "invalid_grant");
        _log.Enqueue("token pkce-ok");
        return Results.Json(new
        {
            access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(pending),
        });
    }

    private string IdToken(PendingCode pending)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = pending.User.Subject, ["preferred_username"] = pending.User.UserName, ["name"] = pending.User.Name,
            ["roles"] = pending.User.Roles,
        };
        if (pending.Nonce is not null) claims["nonce"] = pending.Nonce;
        if (pending.User.Unit is not null) claims["bhyt_unit"] = pending.User.Unit;
        var key = new RsaSecurityKey(SignWithUnknownKey ? _unknownKey : _key) { KeyId = KeyId };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority, Audience = ClientId, Claims = claims, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return (form["client_id"], form["client_secret"]);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
    }

    private IResult Refuse(string what, string error = "invalid_request")
    {
        _log.Enqueue(what);
        return Results.BadRequest(new { error });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _key.Dispose();
        _unknownKey.Dispose();
    }
}

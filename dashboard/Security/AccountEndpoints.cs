using Bhyt.Dashboard.Security.Oidc;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace Bhyt.Dashboard.Security;

/// <summary>
/// The sign-in endpoints behind the login page: POST <c>/account/login</c> (local account, rate limited per address),
/// GET <c>/account/oidc</c> (to the organisation's provider, when configured), POST <c>/account/logout</c> and
/// POST <c>/account/logout-everywhere</c> (ends every session of the local account), GET <c>/account/session</c>
/// (keeps the session cookie sliding while the user works in an open page).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/dang-nhap";
    public const string OrganisationPath = "/account/oidc";
    public const string SessionPingPath = "/account/session";

    /// <summary>The rate-limiting policy on the login POST (see <see cref="LockoutOptions.AttemptsPerMinute"/>).</summary>
    public const string SignInRateLimit = "sign-in";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async (HttpContext http, LocalSignIn signIn,
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var target = SafeReturnUrl(returnUrl);
            var outcome = await signIn.SignInAsync(http, userName ?? "", password ?? "");
            return outcome switch
            {
                SignInOutcome.Succeeded => Results.Redirect(target),
                SignInOutcome.LockedOut => Results.Redirect(LoginPage(LoginErrors.LockedOut, target)),
                _ => Results.Redirect(LoginPage(LoginErrors.WrongCredentials, target)),
            };
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit);

        app.MapGet(OrganisationPath, (OidcSettings settings, string? returnUrl) => settings.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OidcSettings.Scheme])
            : Results.NotFound()).AllowAnonymous();

        // Navigation inside an open page makes no HTTP request: the page calls this while its user works, so the
        // sliding session cookie stays alive (wwwroot/app.js).
        app.MapGet(SessionPingPath, () => Results.NoContent()).RequireAuthorization();

        app.MapPost("/account/logout", async (HttpContext http, SignInEvents events) =>
        {
            await events.RaiseAsync(SignInOutcome.SignedOut, http.User.Identity?.Name ?? "", http, DashboardClaims.MethodOf(http.User));
            return await SignOutAsync(http);
        });

        app.MapPost("/account/logout-everywhere", async (HttpContext http, UserStore users, SignInEvents events) =>
        {
            var name = http.User.Identity?.Name ?? "";
            if (DashboardClaims.MethodOf(http.User) == SessionMethods.Local) users.RenewStamp(name);
            await events.RaiseAsync(SignInOutcome.SignedOutEverywhere, name, http, DashboardClaims.MethodOf(http.User));
            return await SignOutAsync(http);
        });
    }

    /// <summary>
    /// Ends the cookie session; an organisation session is also ended at the provider when it offers an end-session
    /// endpoint (otherwise its next sign-in would be silent).
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        var atProvider = DashboardClaims.MethodOf(http.User) == SessionMethods.Oidc && await ProviderEndsSessionsAsync(http);
        if (!atProvider)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(LoginPath);
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginPath },
            [CookieAuthenticationDefaults.AuthenticationScheme, OidcSettings.Scheme]);
    }

    private static async Task<bool> ProviderEndsSessionsAsync(HttpContext http)
    {
        var options = http.RequestServices.GetService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>()?.Get(OidcSettings.Scheme);
        if (options?.ConfigurationManager is null) return false;
        var configuration = await options.ConfigurationManager.GetConfigurationAsync(http.RequestAborted);
        return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
    }

    private static string LoginPage(string error, string returnUrl) => $"{LoginPath}?loi={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only local paths are followed after login (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}

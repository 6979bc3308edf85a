using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Bhyt.Dashboard.Security;

/// <summary>POST <c>/account/login</c> and <c>/account/logout</c>: the cookie sign-in behind the login form.</summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/dang-nhap";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async (HttpContext http, UserStore users, ILoggerFactory logs,
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var user = users.Authenticate(userName ?? "", password ?? "");
            var target = SafeReturnUrl(returnUrl);
            if (user is null)
            {
                logs.CreateLogger("Bhyt.Dashboard.Login").LogWarning("Failed login for {User}", userName);
                return Results.Redirect($"{LoginPath}?loi=1&returnUrl={Uri.EscapeDataString(target)}");
            }
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.GivenName, user.DisplayName), new Claim(ClaimTypes.Role, user.Role)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(target);
        }).AllowAnonymous();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(LoginPath);
        });
    }

    /// <summary>Only local paths are followed after login (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}

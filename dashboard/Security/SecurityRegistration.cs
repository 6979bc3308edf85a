using System.Net;
using System.Threading.RateLimiting;
using Bhyt.Dashboard.Security.Headers;
using Bhyt.Dashboard.Security.Oidc;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bhyt.Dashboard.Security;

/// <summary>The pieces of <see cref="Extensions.AddDashboardSecurity"/> and of the request pipeline that protect sign-in and responses.</summary>
public static class SecurityRegistration
{
    /// <summary>Lockouts, the login POST's rate limit, sign-in events (logged; the audit adds its sink) and session checks.</summary>
    public static void AddSignIn(this IServiceCollection services, LockoutOptions lockout, SessionLifetime sessions)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(lockout);
        services.AddSingleton(sessions);
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<ISignInEventSink, LoggingSignInEventSink>();
        services.AddSingleton<SignInEvents>();
        services.AddSingleton<LocalSignIn>();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<CircuitActivity>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ActivityCircuitHandler>());
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionStateProvider>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AccountEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = lockout.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Redirect($"{AccountEndpoints.LoginPath}?loi={LoginErrors.TooManyAttempts}");
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The session cookie: HttpOnly, sliding <see cref="SessionLifetime.IdleTimeout"/>, checked by
    /// <see cref="SessionValidator"/> on every request. SameSite=Strict, except Lax when organisation sign-in is on: the
    /// provider's redirect back is a cross-site navigation, after which a Strict cookie would not be sent.
    /// </summary>
    public static AuthenticationBuilder AddSessionCookie(this AuthenticationBuilder authentication, SessionLifetime sessions, bool organisationSignIn) =>
        authentication.AddCookie(options =>
        {
            options.LoginPath = AccountEndpoints.LoginPath;
            options.AccessDeniedPath = "/khong-co-quyen";
            options.ReturnUrlParameter = "returnUrl";
            options.Cookie.Name = "bhyt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = organisationSignIn ? SameSiteMode.Lax : SameSiteMode.Strict;
            options.ExpireTimeSpan = sessions.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                if (context.Principal is not null && validator.IsValid(context.Principal)) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });

    /// <summary>
    /// Behind a reverse proxy every request comes from the proxy: the per-address lockout then needs the client's address
    /// from <c>X-Forwarded-For</c>, taken only from the proxies listed in <c>Network:KnownProxies</c> (comma-separated).
    /// </summary>
    public static void UseForwardedAddresses(this WebApplication app)
    {
        var proxies = (app.Configuration["Network:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Length == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
    }

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.UseMiddleware<SecurityHeaders>(SecurityHeaders.FormTargets(app.Services.GetRequiredService<OidcSettings>().Authority));
}

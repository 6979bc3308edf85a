using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bhyt.Dashboard.Security.Oidc;

/// <summary>
/// The organisation sign-in: authorization code flow with PKCE, the code returned in the query (so the correlation
/// cookies can be SameSite=Lax and work over plain HTTP on a test loopback as well as over HTTPS), the ID token's
/// signature, issuer, audience, lifetime and nonce checked by the handler, then mapped by <see cref="OidcClaimMapper"/>
/// into the same cookie session a local account gets.
/// </summary>
public static class OidcRegistration
{
    private const string RefusalItem = "bhyt:oidc-refusal";
    private const string UserItem = "bhyt:oidc-user";

    public static AuthenticationBuilder AddOrganisationSignIn(this AuthenticationBuilder authentication, OidcSettings settings) =>
        authentication.AddOpenIdConnect(OidcSettings.Scheme, "Tài khoản tổ chức", options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            if (!string.IsNullOrEmpty(settings.ClientSecret)) options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.CallbackPath = settings.CallbackPath;
            options.SignedOutCallbackPath = settings.SignedOutCallbackPath;
            options.SignedOutRedirectUri = AccountEndpoints.LoginPath;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnTokenValidated = context => MapSessionAsync(context, settings);
            options.Events.OnRemoteFailure = RefuseAsync;
        });

    private static async Task MapSessionAsync(TokenValidatedContext context, OidcSettings settings)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var mapping = OidcClaimMapper.Map(context.Principal!, settings, clock.GetUtcNow());
        if (mapping.Principal is null)
        {
            context.HttpContext.Items[RefusalItem] = LoginErrors.NoRole;
            context.HttpContext.Items[UserItem] = mapping.UserName;
            context.Fail(mapping.Refusal!);
            return;
        }
        context.Principal = mapping.Principal;
        await Events(context.HttpContext).RaiseAsync(SignInOutcome.Succeeded, mapping.UserName, context.HttpContext, SessionMethods.Oidc);
    }

    /// <summary>A refused answer (bad signature, wrong issuer or nonce, no mapped role…) leads back to the login page with a message.</summary>
    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        var code = context.HttpContext.Items[RefusalItem] as string ?? LoginErrors.OrganisationFailed;
        var userName = context.HttpContext.Items[UserItem] as string ?? "";
        await Events(context.HttpContext).RaiseAsync(SignInOutcome.Refused, userName, context.HttpContext, SessionMethods.Oidc, context.Failure?.Message);
        context.Response.Redirect($"{AccountEndpoints.LoginPath}?loi={code}");
        context.HandleResponse();
    }

    private static SignInEvents Events(HttpContext http) => http.RequestServices.GetRequiredService<SignInEvents>();
}

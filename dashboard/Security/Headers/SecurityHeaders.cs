namespace Bhyt.Dashboard.Security.Headers;

/// <summary>
/// Headers on every response: no MIME sniffing, the referrer kept on this site, and a Content-Security-Policy under
/// which Blazor Server and Radzen work: scripts only from this site (plus the import map by nonce), the circuit's
/// WebSocket to this site, styles from this site and inline (Radzen sets style attributes), images and fonts from this
/// site or data: URLs, no plugins, no framing, forms posted only to this site (and to the organisation's provider for
/// its sign-out, when configured).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, string formTargets)
{
    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = Policy(CspNonce.For(http), formTargets);
        return next(http);
    }

    public static string Policy(string nonce, string formTargets) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        $"form-action {formTargets}",
        "frame-ancestors 'none'");

    /// <summary>'self', and the provider's origin when organisation sign-in is on.</summary>
    public static string FormTargets(string? oidcAuthority) =>
        Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority) ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}" : "'self'";
}

using System.Security.Cryptography;

namespace Bhyt.Dashboard.Security.Headers;

/// <summary>
/// The per-response nonce that lets the one inline script the page needs (Blazor's import map) run under the
/// Content-Security-Policy; every other script is a file of this site.
/// </summary>
public static class CspNonce
{
    private const string Item = "bhyt:csp-nonce";

    public static string For(HttpContext http)
    {
        if (http.Items[Item] is string nonce) return nonce;
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[Item] = nonce;
        return nonce;
    }
}

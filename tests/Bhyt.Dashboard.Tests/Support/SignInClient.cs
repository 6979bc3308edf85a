using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>
/// A browser-like HTTP client of the dashboard (its own cookies) whose connections leave from one loopback address
/// (127.0.0.N: on Linux the whole 127/8 is local), so the server sees distinct remote addresses without any proxy header.
/// Redirects are not followed unless asked, so tests see each answer.
/// </summary>
public sealed partial class SignInClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="forwardedFor">sent as <c>X-Forwarded-For</c>, as a reverse proxy in front of the dashboard would.</param>
    public SignInClient(string baseUrl, IPAddress from, bool followRedirects = false, string? forwardedFor = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = 20,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (forwardedFor is not null) _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
    }

    public CookieContainer Cookies { get; }

    /// <summary>127.0.0.<paramref name="last"/>.</summary>
    public static IPAddress Loopback(int last) => new([127, 0, 0, (byte)last]);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Opens the login page (for its antiforgery token) and posts the form, as a browser would.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password, string returnUrl = "/") =>
        await PostLoginAsync(await LoginFormTokenAsync(), userName, password, returnUrl);

    /// <summary>The antiforgery token of a freshly opened login page.</summary>
    public async Task<string> LoginFormTokenAsync() => AntiforgeryToken().Match(await _http.GetStringAsync("/dang-nhap")).Groups[1].Value;

    public Task<HttpResponseMessage> PostLoginAsync(string token, string userName, string password, string returnUrl = "/") =>
        _http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
        }));

    /// <summary>Posts one of the header's forms (logout, logout-everywhere) from a signed-in page.</summary>
    public async Task<HttpResponseMessage> PostFromPageAsync(string pagePath, string action)
    {
        var page = await _http.GetStringAsync(pagePath);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        return await _http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>True when <c>/</c> opens instead of sending to the login page (whether redirects are followed or not).</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await _http.GetAsync("/");
        return response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == "/";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => _http.Dispose();
}

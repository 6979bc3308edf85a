using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Bhyt.Etl.Alerts.Delivery;

namespace Bhyt.Tests.Etl.Alerts;

/// <summary>
/// A real webhook receiver on loopback (HttpListener): records each POST with whether its HMAC signature is valid for
/// <see cref="Secret"/>. <see cref="GoDown"/> stops listening (connections are refused), <see cref="ComeUp"/> listens again
/// on the same port.
/// </summary>
internal sealed class LoopbackWebhook : IDisposable
{
    public sealed record Received(string Body, bool SignatureValid);

    private readonly int _port;
    private HttpListener? _listener;

    public LoopbackWebhook(string secret)
    {
        Secret = secret;
        _port = FreePort();
        ComeUp();
    }

    public string Secret { get; }
    public string Url => $"http://127.0.0.1:{_port}/hooks/bhyt/";
    public ConcurrentQueue<Received> Requests { get; } = new();

    public void GoDown()
    {
        _listener?.Close();
        _listener = null;
    }

    public void ComeUp()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        var listener = _listener;
        _ = Task.Run(() => ServeAsync(listener));
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var valid = WebhookSignature.IsValid(Secret, context.Request.Headers[WebhookSignature.TimestampHeader], body,
                context.Request.Headers[WebhookSignature.SignatureHeader]);
            Requests.Enqueue(new Received(body, valid));
            context.Response.StatusCode = valid ? 204 : 401;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => GoDown();
}

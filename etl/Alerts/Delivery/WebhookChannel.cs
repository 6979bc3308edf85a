using System.Text;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>
/// A JSON POST of the delivery's body (built when the notice was queued) to its URL, signed as <see cref="WebhookSignature"/>
/// says. Any answer other than 2xx is a failure.
/// </summary>
public sealed class WebhookChannel(DeliverySettings settings, HttpClient http, TimeProvider clock) : IAlertChannel
{
    public string Name => "webhook";

    public async Task SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        if (settings.WebhookSecret is null)
            throw new ChannelNotConfiguredException("Chưa cấu hình khoá ký webhook: đặt BHYT_WEBHOOK_SECRET.");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.WebhookSecret, timestamp, delivery.Body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Webhook trả về HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}

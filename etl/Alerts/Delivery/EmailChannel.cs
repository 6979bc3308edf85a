using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Bhyt.Etl.Alerts.Delivery;

/// <summary>E-mail over SMTP with MailKit: host, port, sender, TLS mode and optional credentials from <see cref="DeliverySettings"/>.</summary>
public sealed class EmailChannel(DeliverySettings settings) : IAlertChannel
{
    public string Name => "email";

    public async Task SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        if (settings.SmtpHost is null || settings.SmtpFrom is null)
            throw new ChannelNotConfiguredException("Chưa cấu hình máy chủ thư: đặt BHYT_SMTP_HOST và BHYT_SMTP_FROM.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.SmtpFrom));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = delivery.Subject;
        message.Body = new TextPart("plain") { Text = delivery.Body };

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Tls(settings.SmtpTls), ct);
        if (settings.SmtpUser is not null) await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    private static SecureSocketOptions Tls(string mode) => mode.ToLowerInvariant() switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTls,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.None,
    };
}

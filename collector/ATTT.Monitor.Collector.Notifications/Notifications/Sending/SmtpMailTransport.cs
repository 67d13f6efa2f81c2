using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>
/// Sends over SMTP with MailKit: STARTTLS (required, never silently plain) or implicit TLS, and
/// authentication when a user name is configured. One connection per message keeps failure
/// handling simple; a commune sends a handful of messages a day.
/// </summary>
internal sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateThumbprint))
            client.ServerCertificateValidationCallback = ValidateCertificate;
        var security = options.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), options.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.Username))
            await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken).ConfigureAwait(false);
        await client.SendAsync(message, MimeMessageFactory.Sender(options), [MimeMessageFactory.EnvelopeRecipient(row)], cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException)
        {
            // The server already accepted the message; a failed QUIT must not cause a resend.
        }
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is null)
            return false;
        var pinned = options.TrustedCertificateThumbprint!.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var raw = certificate.GetRawCertData();
        var sha256 = Convert.ToHexString(SHA256.HashData(raw));
#pragma warning disable CA5350 // SHA-1 only compares a pinned thumbprint the operator copied from a certificate viewer.
        var sha1 = Convert.ToHexString(SHA1.HashData(raw));
#pragma warning restore CA5350
        return string.Equals(pinned, sha256, StringComparison.OrdinalIgnoreCase) || string.Equals(pinned, sha1, StringComparison.OrdinalIgnoreCase);
    }
}

using ATTT.Monitor.Collector.Notifications.Outbox;
using MimeKit;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>Where a built message goes: an SMTP server, or .eml files when none is configured.</summary>
internal interface IMailTransport
{
    Task SendAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken);
}

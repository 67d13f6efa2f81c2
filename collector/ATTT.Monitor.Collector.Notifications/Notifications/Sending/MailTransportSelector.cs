using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>SMTP when a host is configured, otherwise .eml files in DATA/outbox-eml (the embedded default).</summary>
internal sealed class MailTransportSelector(IOptionsMonitor<NotificationsOptions> options, DataDirectoryOptions data)
{
    public IMailTransport Current()
    {
        var opts = options.CurrentValue;
        return string.IsNullOrWhiteSpace(opts.Smtp.Host)
            ? new EmlFileTransport(EmlFolder(opts, data))
            : new SmtpMailTransport(opts.Smtp);
    }

    public static string EmlFolder(NotificationsOptions opts, DataDirectoryOptions data) =>
        string.IsNullOrWhiteSpace(opts.EmlFolder) ? Path.Combine(data.Path, "outbox-eml") : opts.EmlFolder;
}

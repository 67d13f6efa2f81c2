using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Outbox;
using MimeKit;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>
/// The embedded default when no SMTP server is configured: each message becomes
/// <c>DATA/outbox-eml/&lt;created&gt;-&lt;row id&gt;-&lt;recipient&gt;.eml</c>, written to a temporary
/// file and renamed, so a demo shows exactly what would have been sent and a resend overwrites
/// rather than duplicates.
/// </summary>
internal sealed class EmlFileTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var safeRecipient = new string(row.RecipientEmail.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray());
        var name = string.Create(CultureInfo.InvariantCulture, $"{row.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss}-{row.Id:D6}-{safeRecipient}.eml");
        var path = Path.Combine(Folder, name);
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, path, overwrite: true);
    }
}

using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using MimeKit;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>Messages as they leave (the .eml a commune without SMTP keeps): RFC-correct, one recipient per copy, greeted by name.</summary>
public sealed class MailFormatTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_copy_is_7_bit_with_a_transfer_encoding_addressed_to_its_recipient_alone_and_greets_the_contact_by_name()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical));
        await h.Sender.ProcessDueAsync(Ct);

        var files = Directory.GetFiles(Path.Combine(h.DataPath, "outbox-eml"), "*.eml");
        Assert.Equal(4, files.Length);
        foreach (var file in files)
        {
            var raw = await File.ReadAllBytesAsync(file, Ct);
            Assert.True(raw.All(b => b < 128), $"{Path.GetFileName(file)} carries 8-bit bytes");
            var message = MimeMessage.Load(file, Ct);
            var to = Assert.Single(message.To.Mailboxes);
            Assert.Empty(message.Cc);
            Assert.False(string.IsNullOrEmpty(to.Name), $"{to.Address} is addressed without a name");
            foreach (var part in message.BodyParts.OfType<TextPart>())
                Assert.True(part.ContentTransferEncoding is ContentEncoding.QuotedPrintable or ContentEncoding.Base64, $"{part.ContentType.MimeType}: {part.ContentTransferEncoding}");
            Assert.StartsWith($"Kính gửi {to.Name},", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Đã thông báo cho: ", message.TextBody, StringComparison.Ordinal);
            foreach (var email in new[] { NotificationSettings.Police, NotificationSettings.Dost, NotificationSettings.Commune, NotificationSettings.ItOfficer })
                Assert.Contains(email, message.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_drill_mailbox_without_a_contact_name_is_greeted_politely_not_by_its_address()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High, isDrill: true));

        var row = Assert.Single(await h.RowsAsync());
        Assert.StartsWith("Kính gửi Quý cơ quan, đơn vị,", row.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"Kính gửi {NotificationSettings.DrillDesk}", row.TextBody, StringComparison.Ordinal);
    }
}

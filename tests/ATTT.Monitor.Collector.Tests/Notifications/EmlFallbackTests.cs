using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using MimeKit;

namespace ATTT.Monitor.Collector.Tests.Notifications;

public sealed class EmlFallbackTests
{
    [Fact]
    public async Task Without_smtp_every_message_becomes_one_eml_file_in_data_outbox_eml()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical));
        var rows = await h.RowsAsync();

        Assert.Equal(rows.Count, await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken));

        var folder = Path.Combine(h.DataPath, "outbox-eml");
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(rows.Count, files.Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(rows.Select(r => r.MessageId).Order(), messages.Select(m => m.MessageId).Order());
        var police = messages.Single(m => m.MessageId == rows.Single(r => r.RecipientEmail == NotificationSettings.Police).MessageId);
        Assert.StartsWith("[TBSC] Sự cố nghiêm trọng: Mã hoá hàng loạt tệp tin", police.Subject, StringComparison.Ordinal);
        Assert.Contains("Loại sự cố: mã độc tống tiền (ransomware)", police.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", police.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(NotificationSettings.Police, Assert.Single(police.To.Mailboxes).Address);
        Assert.Empty(police.Cc);
        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }
}

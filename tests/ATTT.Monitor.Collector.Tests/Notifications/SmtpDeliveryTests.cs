using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using SmtpServer.Protocol;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>Delivery to a real SMTP server on loopback with STARTTLS and authentication.</summary>
public sealed class SmtpDeliveryTests
{
    /// <summary>Longer than the test settings' largest backoff and the circuit breaker's break.</summary>
    private static readonly TimeSpan PastEveryBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sender passes with the outbox's clock moved past every backoff between them, as the running
    /// sender would make them over time, until nothing is pending; bounded by a number of passes, not by time.
    /// </summary>
    /// <summary>Medium incidents mailed to the IT officer at once (the default sends them in the digest).</summary>
    private static Dictionary<string, string?> MediumToItOfficer(Dictionary<string, string?> settings)
    {
        settings["Notifications:Digest:MaxSeverity"] = "Low";
        settings["Notifications:Sender:GiveUpAfter"] = "00:00:03";
        return settings;
    }

    private static async Task SendUntilNothingPendingAsync(NotificationsHarness h, ManualTimeProvider time, int passes = 20)
    {
        for (var pass = 0; pass < passes && (await h.RowsAsync("status = 'pending'")).Count > 0; pass++)
        {
            await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);
            time.Advance(PastEveryBackoff);
        }
    }

    [Fact]
    public async Task Notice_arrives_over_starttls_with_auth_to_the_right_recipients_in_Vietnamese()
    {
        await using var smtp = new LoopbackSmtpServer();
        await smtp.StartAsync();
        await using var h = await NotificationsHarness.StartAsync(smtp.Settings());
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));

        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);

        var received = smtp.Received.ToList();
        Assert.Equal(4, received.Count);
        Assert.True(smtp.AuthenticatedSessions >= 4);
        var police = Assert.Single(received, m => m.Envelope.SequenceEqual([NotificationSettings.Police]));
        Assert.Equal("attt@sangmoc.thainguyen.gov.vn", police.From);
        Assert.StartsWith("[TBSC] Sự cố cao: Mã hoá hàng loạt tệp tin trên máy kế toán", police.Message.Subject, StringComparison.Ordinal);
        var to = Assert.Single(police.Message.To.Mailboxes);
        Assert.Equal((NotificationSettings.Police, "Phòng An ninh mạng - Công an tỉnh"), (to.Address, to.Name));
        Assert.Empty(police.Message.Cc);
        Assert.Contains($"Đã thông báo cho: Phòng An ninh mạng - Công an tỉnh <{NotificationSettings.Police}>", police.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kính gửi Phòng An ninh mạng - Công an tỉnh", police.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đơn vị: xa-sang-moc", police.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Xác nhận đã nhận thông báo", police.Message.HtmlBody, StringComparison.Ordinal);
        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
        // Sending the notice to the police meets the "notify within 5 days" clock.
        Assert.Equal(1, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines WHERE key = 'initial_notice_5d' AND met_at IS NOT NULL"));
    }

    [Fact]
    public async Task With_the_server_down_then_back_every_message_arrives_exactly_once()
    {
        await using var smtp = new LoopbackSmtpServer();
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(smtp.Settings(), time);
        for (var id = 1; id <= 3; id++)
            await h.ChangeAsync(IncidentChanges.Opened(id: id, severity: IncidentSeverity.High, host: $"PC-{id:D2}"));
        var rows = await h.RowsAsync();
        Assert.Equal(12, rows.Count);

        // Server down: nothing is lost, nothing is marked sent.
        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);
        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.All(await h.RowsAsync(), r => Assert.NotNull(r.LastError));

        await smtp.StartAsync();
        await SendUntilNothingPendingAsync(h, time);

        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
        var ids = smtp.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(rows.Count, ids.Count);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), ids.Order());

        // Another pass (a restart) sends nothing again.
        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(rows.Count, smtp.Received.Count);
    }

    [Fact]
    public async Task A_5xx_reply_marks_the_message_dead_at_once_and_keeps_it()
    {
        await using var smtp = new LoopbackSmtpServer { DataReply = new SmtpResponse((SmtpReplyCode)554, "5.7.1 rejected by policy") };
        await smtp.StartAsync();
        await using var h = await NotificationsHarness.StartAsync(MediumToItOfficer(smtp.Settings()));
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium));

        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);

        var row = Assert.Single(await h.RowsAsync());
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("554", row.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_4xx_reply_is_retried_and_delivered_once_the_server_accepts()
    {
        await using var smtp = new LoopbackSmtpServer { DataReply = new SmtpResponse((SmtpReplyCode)451, "4.3.0 try again later") };
        await smtp.StartAsync();
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(MediumToItOfficer(smtp.Settings()), time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium));

        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);
        var failed = Assert.Single(await h.RowsAsync());
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);

        smtp.DataReply = null;
        time.Advance(PastEveryBackoff);
        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);
        var sent = Assert.Single(await h.RowsAsync());
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_message_that_keeps_getting_4xx_is_marked_undelivered_once_it_has_been_tried_for_the_give_up_time()
    {
        await using var smtp = new LoopbackSmtpServer { DataReply = new SmtpResponse((SmtpReplyCode)452, "4.3.1 insufficient storage") };
        await smtp.StartAsync();
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(MediumToItOfficer(smtp.Settings()), time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium));

        await SendUntilNothingPendingAsync(h, time);

        var row = Assert.Single(await h.RowsAsync());
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.True(row.Attempts >= 3, $"{row.Attempts} attempts in the 3 s before giving up");
        Assert.True(time.Now - row.CreatedAt >= TimeSpan.FromSeconds(3));
        Assert.Contains("452", row.LastError, StringComparison.Ordinal);
    }
}

using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SmtpServer.Protocol;

namespace ATTT.Monitor.Collector.Tests.Notifications;

public sealed class RateLimitAndDeadLetterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_over_the_per_recipient_hourly_limit_wait_and_are_not_dropped()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(new Dictionary<string, string?> { ["Notifications:Sender:MaxPerRecipientPerHour"] = "2", ["Notifications:Digest:MaxSeverity"] = "Low" }, time);
        for (var id = 1; id <= 3; id++)
            await h.ChangeAsync(IncidentChanges.Opened(id: id, severity: IncidentSeverity.Medium, host: $"PC-{id}"));

        await h.Sender.ProcessDueAsync(Ct);
        Assert.Equal(2, (await h.RowsAsync("status = 'sent'")).Count);
        var waiting = Assert.Single(await h.RowsAsync("status = 'pending'"));
        Assert.Contains("rate limited", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, waiting.Attempts);

        time.Advance(TimeSpan.FromMinutes(61));
        await h.Sender.ProcessDueAsync(Ct);
        Assert.Equal(3, (await h.RowsAsync("status = 'sent'")).Count);
    }

    [Fact]
    public async Task A_dead_letter_is_listed_for_the_dashboard_and_can_be_requeued()
    {
        await using var smtp = new LoopbackSmtpServer { DataReply = new SmtpResponse((SmtpReplyCode)550, "5.1.1 mailbox unavailable") };
        await smtp.StartAsync();
        var settings = smtp.Settings();
        settings["Notifications:Digest:MaxSeverity"] = "Low";
        await using var h = await NotificationsHarness.StartAsync(settings);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium));
        await h.Sender.ProcessDueAsync(Ct);
        var queries = h.Services.GetRequiredService<INotificationQueries>();

        var dead = Assert.Single(await queries.GetDeadLettersAsync(10, Ct));
        Assert.Equal(NotificationSettings.ItOfficer, dead.RecipientEmail);
        Assert.Contains("550", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(1, (await queries.GetOutboxCountsAsync(Ct))[OutboxStatus.Dead]);

        smtp.DataReply = null;
        await queries.RequeueAsync(dead.Id, Ct);
        await h.Sender.ProcessDueAsync(Ct);
        Assert.Empty(await queries.GetDeadLettersAsync(10, Ct));
        Assert.Single(smtp.Received);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await queries.GetNoticesAsync(1, Ct)).Status);
    }
}

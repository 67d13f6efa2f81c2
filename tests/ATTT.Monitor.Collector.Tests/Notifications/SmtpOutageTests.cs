using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// A mail server down for three days, against the real SMTP server on loopback and the shipped retry
/// settings (backoff doubling from 30 s, capped at an hour; give up after 7 days), with the outbox's
/// clock moved by hand: nothing is given up, and once the server is back every notice arrives exactly once.
/// </summary>
public sealed class SmtpOutageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_three_day_outage_gives_up_nothing_and_every_notice_then_arrives_exactly_once()
    {
        await using var smtp = new LoopbackSmtpServer();
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        var settings = smtp.Settings();
        // The shipped sender settings, except no in-process retry (its delay runs on real time).
        settings["Notifications:Sender:ImmediateRetries"] = "0";
        settings["Notifications:Sender:BaseBackoff"] = "00:00:30";
        settings["Notifications:Sender:MaxBackoff"] = "01:00:00";
        settings["Notifications:Sender:BreakerBreakDuration"] = "00:01:00";
        settings["Notifications:Sender:GiveUpAfter"] = "7.00:00:00";
        await using var h = await NotificationsHarness.StartAsync(settings, time);
        for (var id = 1; id <= 3; id++)
            await h.ChangeAsync(IncidentChanges.Opened(id: id, severity: IncidentSeverity.High, host: $"PC-{id:D2}"));
        var rows = await h.RowsAsync();
        Assert.Equal(12, rows.Count);

        // Three days of the sender's passes, every ten minutes, with the server down.
        var outageEnds = time.Now.AddDays(3);
        while (time.Now < outageEnds)
        {
            await h.Sender.ProcessDueAsync(Ct);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        var waiting = await h.RowsAsync();
        Assert.All(waiting, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.All(waiting, r => Assert.NotNull(r.LastError));
        // Tried all along: once the circuit breaker has opened it lets one message through at each pass to probe the server.
        Assert.True(waiting.Sum(r => r.Attempts) >= 3 * 24 * 6 - 6, $"{waiting.Sum(r => r.Attempts)} attempts in 3 days of passes every 10 minutes");
        // The backoff is capped: the next try is never more than an hour (plus jitter) away.
        Assert.All(waiting, r => Assert.True(r.NextAttemptAt - time.Now <= TimeSpan.FromMinutes(72), $"row {r.Id} waits until {r.NextAttemptAt}"));
        Assert.Empty(smtp.Received);

        await smtp.StartAsync();
        for (var pass = 0; pass < 100 && (await h.RowsAsync("status = 'pending'")).Count > 0; pass++)
        {
            await h.Sender.ProcessDueAsync(Ct);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
        var received = smtp.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Order());
        Assert.Equal(1, await h.ScalarAsync($"SELECT COUNT(*) FROM notification_deadlines WHERE incident_id = 1 AND key = 'initial_notice_5d' AND met_at IS NOT NULL"));

        await h.Sender.ProcessDueAsync(Ct);
        Assert.Equal(rows.Count, smtp.Received.Count);
    }
}

using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

public sealed partial class AcknowledgementTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    public static string TokenOf(OutboxMessage row) => AckLink().Match(row.TextBody).Groups[1].Value;

    [Fact]
    public async Task Tokens_are_signed_and_expire()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var tokens = h.Services.GetRequiredService<AckTokenService>();
        var token = tokens.Create("abc123", IncidentChanges.Detected.AddDays(1));

        Assert.True(tokens.TryValidate(token, IncidentChanges.Detected, out var key));
        Assert.Equal("abc123", key);
        Assert.False(tokens.TryValidate(token, IncidentChanges.Detected.AddDays(1).AddSeconds(1), out _));
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.False(tokens.TryValidate(tampered, IncidentChanges.Detected, out _));
        Assert.False(tokens.TryValidate("not-a-token", IncidentChanges.Detected, out _));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(h.DataPath, "notification-ack.key")));
    }

    [Fact]
    public async Task An_unconfirmed_critical_notice_is_resent_and_escalated_but_a_confirmed_one_is_not()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical));
        await h.Sender.ProcessDueAsync(Ct);
        var police = (await h.RowsAsync()).Single(r => r.RecipientEmail == NotificationSettings.Police);
        var acks = h.Services.GetRequiredService<AckService>();
        var target = await acks.FindAsync(TokenOf(police), Ct);
        Assert.NotNull(target);
        await acks.ConfirmAsync(target, "Đại úy Nguyễn Văn A", "127.0.0.1", Ct);
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        time.Advance(TimeSpan.FromMinutes(119));
        await watcher.RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync("subject LIKE '%GỬI LẠI%'"));

        time.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunOnceAsync(Ct);
        await watcher.RunOnceAsync(Ct);
        var resent = await h.RowsAsync("subject LIKE '%GỬI LẠI%'");
        Assert.Equal(new[] { NotificationSettings.Dost, NotificationSettings.Commune, NotificationSettings.ItOfficer }.Order(), resent.Select(r => r.RecipientEmail).Order());
        Assert.All(resent, r => Assert.StartsWith("[TBSC] [GỬI LẠI] ", r.Subject, StringComparison.Ordinal));
        var escalation = await h.RowsAsync("kind = 'escalation'");
        Assert.Contains(escalation, r => r.RecipientEmail == NotificationSettings.Commune);
        Assert.Contains("chưa được xác nhận", escalation[0].TextBody, StringComparison.Ordinal);

        var queries = h.Services.GetRequiredService<INotificationQueries>();
        var ack = Assert.Single(await queries.GetAcknowledgementsAsync(1, Ct));
        Assert.Equal("Đại úy Nguyễn Văn A", ack.ConfirmedBy);
        Assert.Equal(NotificationSettings.Police, ack.RecipientEmail);
        var notices = await queries.GetNoticesAsync(1, Ct);
        Assert.Equal("Đại úy Nguyễn Văn A", notices.Single(n => n.Id == police.Id).AcknowledgedBy);
    }

    [GeneratedRegex(@"/notifications/ack/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex AckLink();
}

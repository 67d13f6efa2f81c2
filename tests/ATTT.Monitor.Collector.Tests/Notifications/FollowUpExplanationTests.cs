using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// Reminders and escalations are written later, from the stored incident snapshot, not from the
/// change that opened the incident; they carry the same Vietnamese explanation as the first notice.
/// </summary>
public sealed class FollowUpExplanationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Detected = IncidentChanges.Detected;

    private static readonly IncidentExplanation Explanation = new(
        "Mã hoá hàng loạt tệp tin trên máy kế toán", null,
        "Hàng trăm tệp trên máy kế toán vừa bị đổi tên với đuôi lạ trong vài phút.",
        "Đây là dấu hiệu của mã độc tống tiền; dữ liệu kế toán có thể mất.",
        ["Rút cáp mạng của máy ngay, không tắt nguồn.", "Gọi cán bộ CNTT của xã."], IncidentExplanation.FromProductRule);

    [Fact]
    public async Task A_reminder_and_an_escalation_in_the_eml_carry_the_incidents_explanation()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High).WithIncident(i => i with { Explanation = Explanation }));
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        time.Set(Detected.AddHours(13)); // the 24 h report is due in 11 hours
        await watcher.RunOnceAsync(Ct);
        time.Set(Detected.AddHours(25)); // and now overdue
        await watcher.RunOnceAsync(Ct);
        await h.Sender.ProcessDueAsync(Ct);

        var messages = Directory.GetFiles(Path.Combine(h.DataPath, "outbox-eml"), "*.eml").Select(f => MimeMessage.Load(f, Ct)).ToList();
        var followUps = messages.Where(m => (m.Subject ?? "").StartsWith("Nhắc hạn", StringComparison.Ordinal) || (m.Subject ?? "").Contains("QUÁ HẠN", StringComparison.Ordinal)).ToList();
        Assert.Contains(followUps, m => m.Subject!.StartsWith("Nhắc hạn", StringComparison.Ordinal));
        Assert.Contains(followUps, m => m.Subject!.Contains("QUÁ HẠN", StringComparison.Ordinal));
        foreach (var message in followUps)
        {
            Assert.Contains("Chuyện gì đã xảy ra: " + Explanation.WhatHappened, message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Vì sao đáng lo: " + Explanation.WhyItMatters, message.TextBody, StringComparison.Ordinal);
            Assert.Contains("1. Rút cáp mạng của máy ngay, không tắt nguồn.", message.TextBody, StringComparison.Ordinal);
            Assert.Contains(Explanation.WhatHappened, message.HtmlBody, StringComparison.Ordinal);
        }
    }
}

using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>Deadline clocks, reminders and escalations, driven by a clock the test moves.</summary>
public sealed class DeadlineClockTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_serious_incident_carries_the_5_day_24_hour_and_72_hour_clocks_counted_from_detection()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected.AddHours(2));
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));

        var clocks = await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct);
        Assert.Equal(["initial_report_24h", "cause_scope_72h", "initial_notice_5d"], clocks.Select(c => c.Key));
        var first = clocks[0];
        Assert.Equal(IncidentChanges.Detected.AddHours(24), first.DueAt);
        Assert.Equal(TimeSpan.FromHours(22), first.TimeLeft);
        Assert.Equal("còn 22 giờ 0 phút", first.TimeLeftText);
        Assert.False(first.IsOverdue);

        time.Advance(TimeSpan.FromHours(23));
        var later = await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct);
        Assert.True(later[0].IsOverdue);
        Assert.Equal("quá hạn 1 giờ 0 phút", later[0].TimeLeftText);
    }

    [Fact]
    public async Task A_personal_data_breach_has_the_72_hour_data_protection_clock_and_a_medium_incident_the_authorities_are_not_told_of_has_no_notice_clock()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(id: 1, severity: IncidentSeverity.Medium, category: IncidentCategory.DataBreach));
        await h.ChangeAsync(IncidentChanges.Opened(id: 2, severity: IncidentSeverity.Medium, category: IncidentCategory.Malware));

        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        Assert.Equal(["data_protection_72h"], (await clock.GetAsync(1, Ct)).Select(c => c.Key));
        Assert.Equal(IncidentChanges.Detected.AddHours(72), (await clock.GetAsync(1, Ct))[0].DueAt);
        Assert.Empty(await clock.GetAsync(2, Ct));
    }

    [Fact]
    public async Task Deadlines_are_configurable_per_category()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Deadlines:phishing:0:Key"] = "phishing_6h",
            ["Notifications:Deadlines:phishing:0:Title"] = "Báo cáo lừa đảo trong 6 giờ",
            ["Notifications:Deadlines:phishing:0:Within"] = "06:00:00",
        }, time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical, category: IncidentCategory.Phishing));

        var only = Assert.Single(await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct));
        Assert.Equal("phishing_6h", only.Key);
        Assert.Equal(IncidentChanges.Detected.AddHours(6), only.DueAt);
    }

    [Fact]
    public async Task A_reminder_goes_out_before_the_deadline_once_and_an_escalation_when_it_passes()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        time.Advance(TimeSpan.FromHours(11));
        await watcher.RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync("kind IN ('reminder', 'escalation')"));

        time.Advance(TimeSpan.FromHours(2)); // 13 h after detection: 11 h left on the 24 h clock.
        await watcher.RunOnceAsync(Ct);
        await watcher.RunOnceAsync(Ct);
        var reminders = await h.RowsAsync("kind = 'reminder'");
        Assert.Equal(new[] { NotificationSettings.Commune, NotificationSettings.ItOfficer }.Order(), reminders.Select(r => r.RecipientEmail).Order());
        Assert.All(reminders, r => Assert.Contains("Báo cáo ban đầu sự cố nghiêm trọng", r.Subject, StringComparison.Ordinal));
        Assert.All(reminders, r => Assert.Contains("còn 11 giờ 0 phút", r.TextBody, StringComparison.Ordinal));

        time.Advance(TimeSpan.FromHours(12)); // 25 h: the 24 h clock has passed.
        await watcher.RunOnceAsync(Ct);
        var escalations = await h.RowsAsync("kind = 'escalation'");
        Assert.Equal(new[] { NotificationSettings.Commune, NotificationSettings.ItOfficer }.Order(), escalations.Select(r => r.RecipientEmail).Order());
        Assert.All(escalations, r => Assert.Contains("CẢNH BÁO QUÁ HẠN", r.Subject, StringComparison.Ordinal));
        Assert.DoesNotContain(await h.RowsAsync("kind IN ('reminder', 'escalation')"), r => r.RecipientEmail == NotificationSettings.Police);

        await watcher.RunOnceAsync(Ct);
        Assert.Equal(escalations.Count, (await h.RowsAsync("kind = 'escalation'")).Count);
    }

    [Fact]
    public async Task A_deadline_marked_met_gets_no_reminder_or_escalation()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));
        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        await clock.MarkMetAsync(1, "initial_report_24h", Ct);

        time.Advance(TimeSpan.FromHours(30));
        await h.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync(Ct);

        Assert.Empty(await h.RowsAsync("kind IN ('reminder', 'escalation')"));
        Assert.True((await clock.GetAsync(1, Ct)).Single(c => c.Key == "initial_report_24h").IsMet);
    }

    [Fact]
    public async Task Low_and_medium_incidents_are_sent_as_one_digest_per_interval()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(id: 1, severity: IncidentSeverity.Low, title: "Tác tử PC-01 mất kết nối", category: IncidentCategory.AgentSilent));
        time.Advance(TimeSpan.FromMinutes(20));
        await h.ChangeAsync(IncidentChanges.Opened(id: 2, severity: IncidentSeverity.Low, title: "Đăng nhập sai mật khẩu nhiều lần", category: IncidentCategory.AccountCompromise));
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        time.Advance(TimeSpan.FromMinutes(30));
        await watcher.RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync());

        time.Advance(TimeSpan.FromMinutes(11));
        await watcher.RunOnceAsync(Ct);
        await watcher.RunOnceAsync(Ct);
        var digest = Assert.Single(await h.RowsAsync());
        Assert.Equal("digest", digest.Kind);
        Assert.Equal(NotificationSettings.ItOfficer, digest.RecipientEmail);
        Assert.Equal("Tổng hợp 2 sự cố mức thấp và trung bình - xa-sang-moc", digest.Subject);
        Assert.Contains("Tác tử PC-01 mất kết nối", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập sai mật khẩu nhiều lần", digest.TextBody, StringComparison.Ordinal);
    }
}

using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// The reporting clocks as the rules say (BRIEF: TT 20/2017, 24 h / 72 h, personal data), on a clock
/// the test moves: they start at detection, not at the events' own time; a backlog is marked and is
/// never born overdue; a false positive stops them; a resolved incident owes only its closing report.
/// </summary>
public sealed class ClockRuleTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Detected = IncidentChanges.Detected;

    /// <summary>An incident the collector found at <see cref="Detected"/> whose events happened <paramref name="ago"/> earlier.</summary>
    private static IncidentChange Backlogged(long id, TimeSpan ago, IncidentSeverity severity = IncidentSeverity.High, string host = "PC-KETOAN-01") =>
        IncidentChanges.Opened(id: id, severity: severity, host: host).WithIncident(it => it with { FirstSeen = Detected - ago, LastSeen = Detected - ago });

    [Fact]
    public async Task Clocks_start_at_detection_not_at_the_time_the_events_occurred_and_backfilled_events_are_marked()
    {
        var time = new ManualTimeProvider(Detected.AddHours(1));
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(Backlogged(1, TimeSpan.FromDays(10)));

        var clocks = await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct);
        Assert.Equal(Detected.AddHours(24), clocks.Single(c => c.Key == "initial_report_24h").DueAt);
        Assert.Equal(Detected.AddDays(5), clocks.Single(c => c.Key == "initial_notice_5d").DueAt);
        Assert.All(clocks, c => Assert.False(c.IsOverdue, c.Key));
        var police = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}'"));
        Assert.Contains("dữ liệu gửi bù", police.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bộ thu phát hiện lúc: 09:00 ngày 20/11/2026", police.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sự kiện đầu tiên lúc: 09:00 ngày 10/11/2026", police.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await h.ScalarAsync("SELECT backfill FROM notification_incidents WHERE incident_id = 1"));

        // A live incident (events seconds before detection) is not marked.
        await h.ChangeAsync(Backlogged(2, TimeSpan.FromSeconds(20), host: "PC-02"));
        Assert.Equal(0, await h.ScalarAsync("SELECT backfill FROM notification_incidents WHERE incident_id = 2"));
        Assert.DoesNotContain("dữ liệu gửi bù", Assert.Single(await h.RowsAsync($"incident_id = 2 AND recipient_email = '{NotificationSettings.Police}'")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backlog_drained_at_once_is_not_born_overdue_and_raises_no_flood_of_escalations()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        for (var id = 1; id <= 20; id++)
            await h.ChangeAsync(Backlogged(id, TimeSpan.FromDays(30 + id), host: $"PC-{id:D2}"));
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        time.Advance(TimeSpan.FromMinutes(5));
        await watcher.RunOnceAsync(Ct);

        Assert.Empty(await h.RowsAsync("kind IN ('reminder', 'escalation')"));
        var open = await h.Services.GetRequiredService<IDeadlineClock>().GetOpenAsync(100, Ct);
        Assert.NotEmpty(open);
        Assert.DoesNotContain(open, c => c.IsOverdue);
        // The police get the daily cap of notices; the rest wait in one digest that says why.
        Assert.Equal(10, (await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}' AND kind = 'notice'")).Count);
        Assert.Equal(10, await h.ScalarAsync($"SELECT COUNT(*) FROM notification_digest_items WHERE recipient_email = '{NotificationSettings.Police}'"));
    }

    [Fact]
    public async Task A_false_positive_stops_every_clock_and_a_reopening_resumes_them()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.High);
        await h.ChangeAsync(opened);
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, Detected.AddHours(1)).WithIncident(it => it with { State = IncidentState.FalsePositive }) with { Actor = "cntt" });
        var clock = h.Services.GetRequiredService<IDeadlineClock>();

        Assert.All(await clock.GetAsync(1, Ct), c => Assert.True(c.IsStopped, c.Key));
        Assert.Empty(await clock.GetOpenAsync(10, Ct));
        time.Advance(TimeSpan.FromDays(6));
        await h.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync("kind IN ('reminder', 'escalation')"));
        Assert.Equal("đã dừng (cảnh báo nhầm)", (await clock.GetAsync(1, Ct))[0].TimeLeftText);

        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, time.Now).WithIncident(it => it with { State = IncidentState.InProgress }) with { Actor = "cntt" });
        var resumed = await clock.GetAsync(1, Ct);
        Assert.All(resumed, c => Assert.False(c.IsStopped, c.Key));
        // Still counted from detection: a wrongly dismissed incident does not get a fresh week.
        Assert.Equal(Detected.AddHours(24), resumed.Single(c => c.Key == "initial_report_24h").DueAt);
    }

    [Fact]
    public async Task A_resolved_incident_owes_its_closing_report_and_nothing_else()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.High);
        await h.ChangeAsync(opened);
        var resolvedAt = Detected.AddHours(2);
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, resolvedAt).WithIncident(it => it with { State = IncidentState.Resolved }) with { Actor = "cntt" });
        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        var running = Assert.Single(await clock.GetOpenAsync(10, Ct));
        Assert.Equal(DeadlinePolicy.ClosingReportKey, running.Key);
        Assert.Equal(resolvedAt.AddDays(5), running.DueAt);
        Assert.All((await clock.GetAsync(1, Ct)).Where(c => c.Key != DeadlinePolicy.ClosingReportKey), c => Assert.True(c.IsStopped, c.Key));

        time.Set(Detected.AddHours(30)); // past the 24 h clock: nothing is owed there any more.
        await watcher.RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync("kind IN ('reminder', 'escalation')"));

        time.Set(resolvedAt.AddDays(5).AddHours(-11)); // the closing report is due in 11 hours.
        await watcher.RunOnceAsync(Ct);
        var reminder = Assert.Single((await h.RowsAsync("kind = 'reminder'")).Select(r => r.Subject).Distinct());
        Assert.Contains("Biểu mẫu 04", reminder, StringComparison.Ordinal);

        // Reopened: the response has not ended, so the closing report waits for the next resolution.
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, time.Now).WithIncident(it => it with { State = IncidentState.InProgress }) with { Actor = "cntt" });
        Assert.True((await clock.GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.ClosingReportKey).IsStopped);
        var again = time.Now.AddHours(1);
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, again).WithIncident(it => it with { State = IncidentState.Resolved }) with { Actor = "cntt" });
        var closing = (await clock.GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.ClosingReportKey);
        Assert.Equal((again.AddDays(5), false), (closing.DueAt, closing.IsStopped));
    }

    [Fact]
    public async Task The_personal_data_clock_starts_when_the_breach_becomes_known()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.High, category: IncidentCategory.Malware);
        await h.ChangeAsync(opened);
        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        Assert.DoesNotContain(await clock.GetAsync(1, Ct), c => c.Key == DeadlinePolicy.DataProtection.Key);

        var known = Detected.AddDays(2);
        time.Set(known);
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.Updated, known).WithIncident(it => it with { Category = IncidentCategory.DataBreach, Count = 2 }));

        var data = (await clock.GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.Equal(known, data.StartsAt);
        Assert.Equal(known.AddHours(72), data.DueAt);
        Assert.Equal(Detected.AddHours(24), (await clock.GetAsync(1, Ct)).Single(c => c.Key == "initial_report_24h").DueAt);
    }
}

using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Ingest;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Options;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>
/// An incident opened by a detection on a backfilled event (received more than <c>Ingest:BackfillAfter</c>
/// after it occurred) carries the mark from its opening, in its row and every journal change; the
/// notification snapshot takes the mark and guesses from times only for changes journaled without one.
/// </summary>
public sealed class BackfillMarkTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static IncidentManager Manager(IncidentsHarness h, TimeSpan? backfillAfter = null) =>
        new(h.Db.Database, new SqliteAuditLog(h.Db.Database), Options.Create(new IncidentsOptions()), h.Clock, null,
            backfillAfter is { } after ? new IngestOptions { BackfillAfter = after } : null);

    [Fact]
    public async Task A_detection_on_an_event_received_days_after_it_occurred_opens_a_backfilled_incident_a_live_one_does_not()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        h.Clock.Set(T0);
        var manager = Manager(h);
        var spooled = await manager.RecordDetectionsAsync([Brute(1, T0.AddDays(-3), "PC-01", level: "high") with { ReceivedAt = T0 }], Ct);
        var live = await manager.RecordDetectionsAsync([Brute(2, T0.AddSeconds(-20), "PC-02", level: "high") with { ReceivedAt = T0 }], Ct);
        var injected = await manager.RecordDetectionsAsync([Brute(3, T0.AddDays(-3), "PC-03", level: "high")], Ct);

        Assert.True(Assert.Single(spooled).Incident.IsBackfill);
        Assert.False(Assert.Single(live).Incident.IsBackfill);
        Assert.False(Assert.Single(injected).Incident.IsBackfill);
        var journaled = await h.JournaledAsync();
        Assert.True(journaled.Single(c => c.IncidentId == spooled[0].IncidentId).Incident.IsBackfill);
        Assert.False(journaled.Single(c => c.IncidentId == live[0].IncidentId).Incident.IsBackfill);
        await using (var connection = await h.Db.Database.OpenAsync(Ct))
        {
            Assert.True((await IncidentRows.LoadAsync(connection, null, spooled[0].IncidentId, Ct))!.IsBackfill);
            Assert.False((await IncidentRows.LoadAsync(connection, null, live[0].IncidentId, Ct))!.IsBackfill);
        }

        // The mark is the opening's: a live detection joining the backfilled story later keeps it.
        h.Clock.Set(T0.AddMinutes(5));
        var joined = await manager.RecordDetectionsAsync([Brute(4, T0.AddDays(-3).AddMinutes(2), "PC-01", level: "high") with { ReceivedAt = T0.AddMinutes(5) }], Ct);
        Assert.Equal(spooled[0].IncidentId, Assert.Single(joined).IncidentId);
        Assert.True(joined[0].Incident.IsBackfill);
    }

    [Fact]
    public async Task The_threshold_is_ingests_option_and_a_condition_incident_is_live()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        h.Clock.Set(T0);
        var manager = Manager(h, TimeSpan.FromDays(5));
        var three = await manager.RecordDetectionsAsync([Brute(1, T0.AddDays(-3), "PC-01", level: "high") with { ReceivedAt = T0 }], Ct);
        var six = await manager.RecordDetectionsAsync([Brute(2, T0.AddDays(-6), "PC-02", level: "high") with { ReceivedAt = T0 }], Ct);
        Assert.False(three[0].Incident.IsBackfill);
        Assert.True(six[0].Incident.IsBackfill);

        var (condition, _) = await manager.RaiseConditionAsync(new ConditionReport("realtime_off", "Bảo vệ thời gian thực bị tắt", IncidentCategory.ProtectionDisabled,
            IncidentSeverity.High, "xa-sang-moc", "PC-03", "a_03", false, null, T0.AddDays(-2)), Ct);
        Assert.False(condition.IsBackfill);
    }

    [Fact]
    public void Notifications_take_the_mark_and_guess_only_for_incidents_journaled_without_it()
    {
        var live = IncidentChanges.Opened().Incident;
        var detectedLate = live with { FirstSeen = IncidentChanges.Detected.AddDays(-2) };
        var options = new NotificationsOptions { Budget = { BackfillAfter = TimeSpan.FromHours(1) } };
        // Events received live but detected two days later (detection was stopped): the mark says live.
        Assert.False(NotificationIncidentStore.IsBackfill(detectedLate with { IsBackfill = false }, options));
        Assert.True(NotificationIncidentStore.IsBackfill(live with { IsBackfill = true }, options));
        // An incident journaled before the mark existed: the guess from detection against the first event.
        Assert.True(NotificationIncidentStore.IsBackfill(detectedLate with { IsBackfill = null }, options));
        Assert.False(NotificationIncidentStore.IsBackfill(live with { IsBackfill = null }, options));
    }
}

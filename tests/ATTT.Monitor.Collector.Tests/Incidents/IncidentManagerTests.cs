using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Tests.Support;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentManagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detections_on_one_host_each_within_the_sliding_window_group_into_one_incident()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync([Brute(1, T0), Brute(2, T0.AddMinutes(30)), Brute(3, T0.AddMinutes(55)), Brute(4, T0.AddMinutes(80))], Ct);

        Assert.Equal([IncidentChangeKind.Opened, IncidentChangeKind.Updated, IncidentChangeKind.Updated, IncidentChangeKind.Updated], changes.Select(c => c.Kind));
        Assert.Single(changes.Select(c => c.IncidentId).Distinct());
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
        var last = changes[^1];
        Assert.Equal(4, last.Incident.Count);
        Assert.Equal(T0, last.Incident.FirstSeen);
        Assert.Equal(T0.AddMinutes(80), last.Incident.LastSeen);
        Assert.Equal(IncidentSeverity.Medium, last.Incident.Severity);
        Assert.Equal(IncidentCategory.AccountCompromise, last.Incident.Category);
        Assert.Equal(4, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_events"));
        Assert.Equal(4, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_detections"));
    }

    [Fact]
    public async Task A_detection_outside_the_window_another_host_another_unit_or_a_drill_opens_a_new_incident()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct);
        await h.Manager.RecordDetectionsAsync([Brute(2, T0.AddMinutes(31))], Ct);
        await h.Manager.RecordDetectionsAsync([Brute(3, T0, host: "PC-VANTHU-02")], Ct);
        await h.Manager.RecordDetectionsAsync([Brute(4, T0, unit: "phuong-khac")], Ct);
        var drill = await h.Manager.RecordDetectionsAsync([Brute(5, T0, drill: true)], Ct);

        Assert.Equal(5, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
        Assert.True(drill[0].Incident.IsDrill);
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE is_drill = 1"));
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        await using var h = await IncidentsHarness.CreateAsync(new IncidentsOptions { GroupingWindow = TimeSpan.FromMinutes(5) });
        await h.Manager.RecordDetectionsAsync([Brute(1, T0), Brute(2, T0.AddMinutes(4)), Brute(3, T0.AddMinutes(10))], Ct);
        Assert.Equal(2, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task A_resolved_incident_does_not_absorb_new_detections()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var opened = await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct);
        await using (var c = await h.Db.Database.OpenAsync(Ct))
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "UPDATE incidents SET state = 'resolved'";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        var again = await h.Manager.RecordDetectionsAsync([Brute(2, T0.AddMinutes(1))], Ct);
        Assert.NotEqual(opened[0].IncidentId, again[0].IncidentId);
        Assert.Equal(IncidentChangeKind.Opened, again[0].Kind);
    }

    [Fact]
    public async Task Severity_follows_the_highest_detection_level_and_only_rises()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync(
            [Brute(1, T0, level: "medium"), Brute(2, T0, level: "high"), Brute(3, T0, level: "medium")], Ct);

        Assert.Equal(IncidentSeverity.Medium, changes[0].Incident.Severity);
        Assert.Equal(IncidentChangeKind.SeverityRaised, changes[1].Kind);
        Assert.Equal(IncidentSeverity.High, changes[2].Incident.Severity);
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'severity_raised'"));
    }

    [Fact]
    public async Task Matched_events_are_bounded_to_the_first_and_the_last_ones()
    {
        await using var h = await IncidentsHarness.CreateAsync(new IncidentsOptions { KeepFirstEvents = 3, KeepLastEvents = 2 });
        var hits = Enumerable.Range(1, 10).Select(i => Brute(i, T0.AddSeconds(i))).ToList();
        await h.Manager.RecordDetectionsAsync(hits, Ct);

        await using var c = await h.Db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT event_id FROM incident_events ORDER BY seq";
        var kept = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct))
            kept.Add(r.GetInt64(0));
        Assert.Equal([1L, 2, 3, 9, 10], kept);
        Assert.Equal(10, await h.Db.ScalarAsync("SELECT count FROM incidents"));
    }

    [Fact]
    public async Task Every_change_is_journaled_with_the_incident_and_a_failing_reader_neither_rolls_it_back_nor_stops_detection()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        h.Reader.Fail = true;
        await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct);
        var failure = await Assert.ThrowsAsync<IncidentJournalConsumerException>(() => h.Journal.CatchUpAsync(h.Reader, Ct));
        Assert.Equal(1, failure.Seq);

        // Detection goes on while the reader is stuck (a later attack on the PC, past the story's cap, so a second incident).
        await h.Manager.RecordDetectionsAsync([Ransom(2, T0.AddHours(13))], Ct);
        Assert.Equal(2, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(2, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_journal WHERE kind = 'Opened'"));
        var stuck = Assert.Single(await h.Journal.StatusAsync(Ct));
        Assert.Equal((1L, 0L, 2L), (stuck.FailingSeq!.Value, stuck.Checkpoint, stuck.Head));
        Assert.Contains("test reader failure", stuck.LastError, StringComparison.Ordinal);

        h.Reader.Fail = false;
        Assert.Equal([IncidentChangeKind.Opened, IncidentChangeKind.Opened], (await h.JournaledAsync()).Select(c => c.Kind));
        var caughtUp = Assert.Single(await h.Journal.StatusAsync(Ct));
        Assert.Equal((2L, false), (caughtUp.Checkpoint, caughtUp.IsFailing));
        Assert.Equal(h.Clock.Now, (await h.JournaledAsync())[0].DetectedAt);
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_no_journal_row()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await using (var connection = await h.Db.Database.OpenAsync(Ct))
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(Ct);
            await h.Manager.RecordDetectionsAsync([Brute(1, T0)], connection, transaction, Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(0, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_journal"));
        Assert.Empty(await h.JournaledAsync());
    }

    [Fact]
    public async Task Works_with_no_journal_reader()
    {
        await using var db = await StateDatabaseFixture.CreateAsync();
        var audit = new ATTT.Monitor.Collector.Audit.SqliteAuditLog(db.Database);
        var manager = new IncidentManager(db.Database, audit, Microsoft.Extensions.Options.Options.Create(new IncidentsOptions()), new ManualTimeProvider());
        var changes = await manager.RecordDetectionsAsync([Ransom(1, T0)], Ct);
        Assert.Equal(IncidentCategory.Ransomware, changes[0].Incident.Category);
        Assert.Equal(IncidentSeverity.Critical, changes[0].Incident.Severity);
    }

    [Fact]
    public async Task A_condition_opens_one_incident_while_it_holds_and_resolves_it_with_its_duration_when_it_ends()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var report = new ConditionReport("realtime_off", "Bảo vệ thời gian thực bị tắt", IncidentCategory.ProtectionDisabled,
            IncidentSeverity.High, "xa-sang-moc", "PC-01", "a_01", false, null, T0);
        var (first, opened) = await h.Manager.RaiseConditionAsync(report, Ct);
        var (second, openedAgain) = await h.Manager.RaiseConditionAsync(report with { At = T0.AddMinutes(5) }, Ct);
        Assert.True(opened);
        Assert.False(openedAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(T0.AddMinutes(5), second.LastSeen);

        var resolved = await h.Manager.ClearConditionAsync("realtime_off", "xa-sang-moc", "PC-01", false, T0.AddMinutes(42), Ct);
        Assert.NotNull(resolved);
        Assert.Equal(IncidentState.Resolved, resolved.State);
        Assert.Equal(TimeSpan.FromMinutes(42), resolved.Duration);
        Assert.Null(await h.Manager.ClearConditionAsync("realtime_off", "xa-sang-moc", "PC-01", false, T0.AddMinutes(50), Ct));
        Assert.Equal([IncidentChangeKind.Opened, IncidentChangeKind.StateChanged], (await h.JournaledAsync()).Select(c => c.Kind));

        var (third, reopened) = await h.Manager.RaiseConditionAsync(report with { At = T0.AddHours(2) }, Ct);
        Assert.True(reopened);
        Assert.NotEqual(first.Id, third.Id);
    }
}

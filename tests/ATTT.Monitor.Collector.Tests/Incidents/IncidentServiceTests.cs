using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using Microsoft.Extensions.Logging.Abstractions;
using static ATTT.Monitor.Collector.Tests.Support.Hits;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly UnitScope SangMoc = UnitScope.Of(["xa-sang-moc"]);

    private static IncidentService Service(IncidentsHarness h, params StoredEvent[] events) =>
        new(h.Db.Database, new ListEventStore(events), h.Audit, h.Clock, NullLogger<IncidentService>.Instance);

    private static StoredEvent Stored(long id) => new(id, "a_01", "xa-sang-moc", false, T0, new EventRecord
    {
        EventId = 4625, Channel = "Security", Computer = "PC-KETOAN-01", TimeCreated = T0, Fields = [new("TargetUserName", "<script>x</script>")],
    });

    [Fact]
    public async Task Query_filters_and_pages_open_first_then_by_severity_then_newest_within_the_callers_units()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync(
            [Brute(1, T0), Brute(2, T0.AddHours(2), host: "PC-B"), Ransom(3, T0.AddHours(3)), Brute(4, T0.AddHours(4), unit: "phuong-khac"), Brute(5, T0, drill: true)], Ct);
        var service = Service(h);

        var all = await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct);
        Assert.Equal(4, all.Total);
        Assert.Equal(["xa-sang-moc", "phuong-khac", "xa-sang-moc", "xa-sang-moc"], all.Items.Select(i => i.Unit));
        Assert.Equal(IncidentSeverity.Critical, all.Items[0].Severity);
        Assert.True(all.Items.Skip(1).Zip(all.Items.Skip(2)).All(p => p.First.LastSeen >= p.Second.LastSeen));

        var mine = await service.QueryAsync(new IncidentQuery(), SangMoc, Ct);
        Assert.Equal(3, mine.Total);
        Assert.Equal(0, (await service.QueryAsync(new IncidentQuery(), UnitScope.Of([]), Ct)).Total);

        Assert.Single((await service.QueryAsync(new IncidentQuery { Severities = [IncidentSeverity.Critical] }, SangMoc, Ct)).Items);
        Assert.Single((await service.QueryAsync(new IncidentQuery { Host = "PC-B" }, SangMoc, Ct)).Items);
        Assert.Single((await service.QueryAsync(new IncidentQuery { Text = "VSSADMIN" }, SangMoc, Ct)).Items);
        Assert.Equal(0, (await service.QueryAsync(new IncidentQuery { Text = "%" }, SangMoc, Ct)).Total);
        Assert.Equal(2, (await service.QueryAsync(new IncidentQuery { RuleId = Brute(0, T0).RuleId }, SangMoc, Ct)).Total);
        Assert.Equal(2, (await service.QueryAsync(new IncidentQuery { From = T0.AddHours(1.5) }, SangMoc, Ct)).Total);
        Assert.Single((await service.QueryAsync(new IncidentQuery { Drill = true }, UnitScope.All, Ct)).Items);
        var page = await service.QueryAsync(new IncidentQuery { Offset = 1, Limit = 1 }, SangMoc, Ct);
        Assert.Equal(3, page.Total);
        Assert.Equal(mine.Items[1].Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task State_changes_follow_the_allowed_transitions_and_are_audited_with_the_actor()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var id = (await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct))[0].IncidentId;
        var service = Service(h);
        h.Clock.Set(T0.AddHours(3));

        var working = await service.ChangeStateAsync(id, IncidentState.InProgress, null, "can-bo-cntt", SangMoc, Ct);
        Assert.Equal(IncidentState.InProgress, working.State);
        var resolved = await service.ChangeStateAsync(id, IncidentState.Resolved, "Đã đổi mật khẩu", "can-bo-cntt", SangMoc, Ct);
        Assert.Equal(TimeSpan.FromHours(3), resolved.Duration);
        var refused = await Assert.ThrowsAsync<InvalidIncidentCommandException>(() => service.ChangeStateAsync(id, IncidentState.New, null, "can-bo-cntt", SangMoc, Ct));
        Assert.True(refused.Conflict);
        Assert.Contains("đã khắc phục", refused.Message, StringComparison.Ordinal);
        var reopened = await service.ChangeStateAsync(id, IncidentState.InProgress, null, "can-bo-cntt", SangMoc, Ct);
        Assert.Null(reopened.ResolvedAt);

        var detail = await service.GetAsync(id, SangMoc, Ct);
        Assert.NotNull(detail);
        Assert.Equal(["opened", "state_changed", "state_changed", "state_changed"], detail.Timeline.Select(t => t.Action));
        Assert.Equal("system", detail.Timeline[0].Actor);
        Assert.All(detail.Timeline.Skip(1), t => Assert.Equal("can-bo-cntt", t.Actor));
        Assert.Equal("in_progress -> resolved: Đã đổi mật khẩu", detail.Timeline[2].Details);
        Assert.Equal("Đã đổi mật khẩu", Assert.Single(detail.Comments).Text);
        Assert.Contains(IncidentState.Resolved, detail.AllowedStates);
        Assert.Equal(3, (await h.JournaledAsync()).Count(c => c.Kind == IncidentChangeKind.StateChanged && c.Actor == "can-bo-cntt"));
    }

    [Fact]
    public async Task Assign_and_comment_are_recorded_and_an_empty_comment_is_refused()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var id = (await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct))[0].IncidentId;
        var service = Service(h);

        Assert.Equal("Nguyễn Văn A", (await service.AssignAsync(id, " Nguyễn Văn A ", "truong-phong", SangMoc, Ct)).Assignee);
        var comment = await service.CommentAsync(id, "Đã cách ly máy", "Nguyễn Văn A", SangMoc, Ct);
        Assert.Equal("Đã cách ly máy", comment.Text);
        var empty = await Assert.ThrowsAsync<InvalidIncidentCommandException>(() => service.CommentAsync(id, "   ", "x", SangMoc, Ct));
        Assert.Equal("text", empty.Field);
        Assert.Null((await service.AssignAsync(id, "", "truong-phong", SangMoc, Ct)).Assignee);

        var detail = await service.GetAsync(id, SangMoc, Ct);
        Assert.Equal(["opened", "assigned", "commented", "assigned"], detail!.Timeline.Select(t => t.Action));
        Assert.Equal("(none) -> Nguyễn Văn A", detail.Timeline[1].Details);
        Assert.Equal([IncidentChangeKind.Opened, IncidentChangeKind.Assigned, IncidentChangeKind.Commented, IncidentChangeKind.Assigned], (await h.JournaledAsync()).Select(c => c.Kind));
    }

    [Fact]
    public async Task An_incident_of_another_unit_does_not_exist_for_the_caller()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var id = (await h.Manager.RecordDetectionsAsync([Brute(1, T0, unit: "phuong-khac")], Ct))[0].IncidentId;
        var service = Service(h);

        Assert.Null(await service.GetAsync(id, SangMoc, Ct));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => service.CommentAsync(id, "x", "y", SangMoc, Ct));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => service.ChangeStateAsync(id, IncidentState.Closed, null, "y", SangMoc, Ct));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => service.AssignAsync(999, "x", "y", UnitScope.All, Ct));
        Assert.Equal(0, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_comments"));
        Assert.NotNull(await service.GetAsync(id, UnitScope.All, Ct));
    }

    [Fact]
    public async Task The_detail_carries_the_matched_events_from_the_event_store()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var id = (await h.Manager.RecordDetectionsAsync([Brute(11, T0), Brute(12, T0.AddMinutes(1))], Ct))[0].IncidentId;
        var detail = await Service(h, Stored(11), Stored(12), Stored(13)).GetAsync(id, SangMoc, Ct);
        Assert.Equal([11L, 12], detail!.MatchedEventIds);
        Assert.Equal([11L, 12], detail.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Counts_per_state_and_open_severity()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync([Brute(1, T0), Ransom(2, T0, host: "PC-B"), Brute(3, T0, host: "PC-C")], Ct);
        var service = Service(h);
        await service.ChangeStateAsync(changes[2].IncidentId, IncidentState.FalsePositive, null, "x", SangMoc, Ct);
        var counts = await service.CountAsync(SangMoc, drill: false, Ct);
        Assert.Equal(2, counts.Open);
        Assert.Equal(1, counts.ByState[IncidentState.FalsePositive]);
        Assert.Equal(1, counts.OpenBySeverity[IncidentSeverity.Critical]);
        Assert.Equal(1, counts.OpenBySeverity[IncidentSeverity.Medium]);
    }
}

using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using static ATTT.Monitor.Collector.Tests.Support.Hits;
using static ATTT.Monitor.Collector.Tests.Support.StoryHits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>Detections on one PC become attack stories: window, cap, links, twins, evidence, progression.</summary>
public sealed class AttackStoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Different_rules_on_one_PC_join_one_story_while_each_comes_within_the_window_of_the_last()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync([Discovery(1, T0), PrivilegeEscalation(2, T0.AddMinutes(25))], Ct);
        var changes = await h.Manager.RecordDetectionsAsync([LsassDump(3, T0.AddMinutes(50)), Brute(4, T0.AddMinutes(75))], Ct);

        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(T0.AddMinutes(75), changes[^1].Incident.LastSeen);
        Assert.Equal(4, changes[^1].Incident.Count);
        Assert.Equal(1, (await h.JournaledAsync()).Count(c => c.Kind == IncidentChangeKind.Opened));
        Assert.Equal(4, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_detections"));
    }

    [Fact]
    public async Task A_later_attack_after_the_window_is_a_new_incident()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var first = await h.Manager.RecordDetectionsAsync([Discovery(1, T0)], Ct);
        var later = await h.Manager.RecordDetectionsAsync([LsassDump(2, T0.AddMinutes(31))], Ct);

        Assert.NotEqual(first[0].IncidentId, later[0].IncidentId);
        Assert.Equal(IncidentChangeKind.Opened, later[0].Kind);
    }

    [Fact]
    public async Task A_story_stops_growing_at_the_cap_and_the_next_detection_opens_a_new_one()
    {
        await using var h = await IncidentsHarness.CreateAsync(new IncidentsOptions { StoryCap = TimeSpan.FromHours(1) });
        var hits = Enumerable.Range(0, 7).Select(i => Discovery(i + 1, T0.AddMinutes(20 * i))).ToList();
        var changes = await h.Manager.RecordDetectionsAsync(hits, Ct);

        var stories = changes.GroupBy(c => c.IncidentId).ToList();
        Assert.Equal(2, stories.Count);
        Assert.Equal(TimeSpan.FromHours(1), stories[0].Last().Incident.LastSeen - stories[0].Last().Incident.FirstSeen);
        Assert.Equal(T0.AddMinutes(80), stories[1].First().Incident.FirstSeen);
    }

    [Fact]
    public async Task A_shared_logon_session_or_a_detected_parent_process_joins_across_a_gap_and_a_stranger_does_not()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var opened = await h.Manager.RecordDetectionsAsync([Discovery(1, T0) with { Links = ["logon:0x5a3f1", "process:8b1c5c0e-0000-4000-8000-000000000001"] }], Ct);
        var sameSession = await h.Manager.RecordDetectionsAsync([PrivilegeEscalation(2, T0.AddHours(2)) with { Links = ["logon:0x5a3f1"] }], Ct);
        var child = await h.Manager.RecordDetectionsAsync([LsassDump(3, T0.AddHours(5)) with { ParentLinks = ["process:8b1c5c0e-0000-4000-8000-000000000001"] }], Ct);
        var stranger = await h.Manager.RecordDetectionsAsync([LsassDump(4, T0.AddHours(7)) with { Links = ["logon:0x99"] }], Ct);

        Assert.Equal(opened[0].IncidentId, sameSession[0].IncidentId);
        Assert.Equal(opened[0].IncidentId, child[0].IncidentId);
        Assert.NotEqual(opened[0].IncidentId, stranger[0].IncidentId);
    }

    [Fact]
    public async Task A_link_never_stretches_a_story_beyond_the_cap()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var opened = await h.Manager.RecordDetectionsAsync([Discovery(1, T0) with { Links = ["logon:0x5a3f1"] }], Ct);
        var late = await h.Manager.RecordDetectionsAsync([LsassDump(2, T0.AddHours(13)) with { Links = ["logon:0x5a3f1"] }], Ct);
        Assert.NotEqual(opened[0].IncidentId, late[0].IncidentId);
    }

    [Fact]
    public async Task One_event_matched_by_a_product_rule_and_its_SigmaHQ_twin_counts_once_with_the_product_text()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync([LsassDump(7, T0, level: "high"), ProductLsassDump(7, T0), Discovery(7, T0)], Ct);

        Assert.Equal(2, changes.Count);
        Assert.Equal(2, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_detections"));
        Assert.Equal(0, await h.Db.ScalarAsync($"SELECT COUNT(*) FROM incident_detections WHERE rule_id = '{LsassDump(0, T0).RuleId}'"));
        Assert.Equal("Kết xuất bộ nhớ tiến trình LSASS", changes[^1].Incident.Title);
        Assert.Equal(["Cô lập máy.", "Đổi mật khẩu."], changes[^1].Incident.Explanation!.WhatToDo);
    }

    [Fact]
    public async Task Rules_on_one_event_that_share_a_technique_but_do_not_name_each_other_both_count()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync([LsassDump(7, T0, level: "high"), ProductLsassDump(7, T0) with { Related = [] }], Ct);

        Assert.Equal(2, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_detections"));
    }

    [Fact]
    public async Task Low_detections_open_nothing_stay_as_evidence_on_the_PC_and_join_an_open_story_without_raising_it()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var alone = await h.Manager.RecordDetectionsAsync([Brute(1, T0, level: "low"), Brute(2, T0, level: "informational")], Ct);
        Assert.Empty(alone);
        Assert.Equal(0, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incidents"));

        var opened = await h.Manager.RecordDetectionsAsync([Discovery(3, T0.AddHours(1))], Ct);
        var joined = await h.Manager.RecordDetectionsAsync([Brute(4, T0.AddHours(1).AddMinutes(20), level: "low")], Ct);
        Assert.Equal(opened[0].IncidentId, joined[0].IncidentId);
        Assert.Equal(IncidentSeverity.Medium, joined[0].Incident.Severity);
        Assert.Equal(T0.AddHours(1), joined[0].Incident.LastSeen);
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM incident_detections WHERE evidence = 1"));

        var evidence = await new DetectionEvidence(h.Db.Database).ForHostAsync("xa-sang-moc", "PC-KETOAN-01", UnitScope.All, 50, Ct);
        Assert.Equal(4L, evidence[0].EventId);
        Assert.Equal([1L, 2], evidence.Skip(1).Select(e => e.EventId!.Value).Order());
        Assert.All(evidence, e => Assert.True(e.IsEvidence));
        Assert.Empty(await new DetectionEvidence(h.Db.Database).ForHostAsync("xa-sang-moc", "PC-KETOAN-01", UnitScope.Of(["phuong-khac"]), 50, Ct));
    }

    [Fact]
    public async Task The_minimum_level_is_configurable()
    {
        await using var h = await IncidentsHarness.CreateAsync(new IncidentsOptions { MinimumSeverity = IncidentSeverity.Low });
        Assert.Single(await h.Manager.RecordDetectionsAsync([Brute(1, T0, level: "low")], Ct));
    }

    [Fact]
    public async Task Tactics_climbing_three_later_stages_raise_the_severity_one_step()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync(
            [Discovery(1, T0), Discovery(2, T0.AddMinutes(1)), PrivilegeEscalation(3, T0.AddMinutes(2)), LsassDump(4, T0.AddMinutes(3))], Ct);

        Assert.Equal([IncidentSeverity.Medium, IncidentSeverity.Medium, IncidentSeverity.Medium, IncidentSeverity.High], changes.Select(c => c.Incident.Severity));
        Assert.Equal(IncidentChangeKind.SeverityRaised, changes[^1].Kind);
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'severity_raised'"));
    }

    [Fact]
    public async Task The_same_tactics_out_of_order_do_not_raise_and_critical_stays_critical()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var reversed = await h.Manager.RecordDetectionsAsync([LsassDump(1, T0), PrivilegeEscalation(2, T0.AddMinutes(1)), Discovery(3, T0.AddMinutes(2))], Ct);
        Assert.Equal(IncidentSeverity.Medium, reversed[^1].Incident.Severity);

        var critical = await h.Manager.RecordDetectionsAsync(
            [Discovery(4, T0) with { Host = "PC-B", RuleLevel = "critical" }, PrivilegeEscalation(5, T0.AddMinutes(1)) with { Host = "PC-B" }, LsassDump(6, T0.AddMinutes(2)) with { Host = "PC-B" }], Ct);
        Assert.Equal(IncidentSeverity.Critical, critical[^1].Incident.Severity);
    }

    [Fact]
    public async Task A_story_takes_the_title_of_its_most_severe_detection_and_its_most_serious_category()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync([Discovery(1, T0), ProductLsassDump(2, T0.AddMinutes(5)), Discovery(3, T0.AddMinutes(6))], Ct);

        Assert.Equal("Kết xuất bộ nhớ tiến trình LSASS", changes[^1].Incident.Title);
        Assert.Equal("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e99", changes[^1].Incident.RuleId);
        Assert.Equal(IncidentCategory.AccountCompromise, changes[^1].Incident.Category);
    }

    [Fact]
    public async Task The_detail_shows_the_timeline_in_time_order_with_tactics()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var changes = await h.Manager.RecordDetectionsAsync([PrivilegeEscalation(2, T0.AddMinutes(2)), Discovery(1, T0)], Ct);
        await using var c = await h.Db.Database.OpenAsync(Ct);
        var timeline = await TimelineRows.ForIncidentAsync(c, changes[0].IncidentId, Ct);

        Assert.Equal([1L, 2], timeline.Select(t => t.EventId!.Value));
        Assert.Equal(["discovery"], timeline[0].Tactics);
        Assert.Equal(["privilege-escalation"], timeline[1].Tactics);
    }
}

using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using Microsoft.Extensions.Logging.Abstractions;
using static ATTT.Monitor.Collector.Tests.Support.Hits;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The incident timeline shows words, not codes: every action the incident area writes has a text in both languages.</summary>
public sealed class AuditActionTextsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Written by the incident page itself (playbook steps), not by the incident service.
    private static readonly string[] DashboardIncidentActions = ["playbook_step_done"];

    [Fact]
    public async Task Every_action_code_an_incident_timeline_can_show_has_vietnamese_and_english_words()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        var stored = new StoredEvent(1, "a_01", "xa-sang-moc", false, T0, new EventRecord { EventId = 4625, Channel = "Security", Computer = "PC-KETOAN-01", TimeCreated = T0 });
        var service = new IncidentService(h.Db.Database, new ListEventStore([stored]), h.Audit, h.Clock, NullLogger<IncidentService>.Instance);
        var scope = UnitScope.All;

        // Every command and automatic change: open, raise severity, assign, comment, change state,
        // and a condition incident raised then cleared (resolved by the system).
        var id = (await h.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct))[0].IncidentId;
        await h.Manager.RecordDetectionsAsync([Brute(2, T0.AddMinutes(1), level: "critical")], Ct);
        await service.AssignAsync(id, "canbo.a", "canbo.a", scope, Ct);
        await service.CommentAsync(id, "Đã kiểm tra", "canbo.a", scope, Ct);
        await service.ChangeStateAsync(id, IncidentState.InProgress, "đang xử lý", "canbo.a", scope, Ct);
        var report = new ConditionReport("realtime_off", "Bảo vệ thời gian thực bị tắt", IncidentCategory.ProtectionDisabled,
            IncidentSeverity.High, "xa-sang-moc", "PC-01", "a_01", false, "Defender", T0);
        var (condition, _) = await h.Manager.RaiseConditionAsync(report, Ct);
        await h.Manager.ClearConditionAsync("realtime_off", "xa-sang-moc", "PC-01", false, T0.AddMinutes(5), Ct);

        var actions = new HashSet<string>(DashboardIncidentActions, StringComparer.Ordinal);
        foreach (var incident in new[] { id, condition.Id })
            actions.UnionWith((await service.GetAsync(incident, scope, Ct))!.Timeline.Select(a => a.Action));

        string[] expected = ["opened", "severity_raised", "assigned", "commented", "state_changed"];
        Assert.True(expected.All(actions.Contains), "missing from the timelines: " + string.Join(", ", expected.Except(actions)));
        var missing = actions.Where(a => !TextsVi.All.ContainsKey(AuditActionTexts.Key(a)) || !TextsEn.All.ContainsKey(AuditActionTexts.Key(a))).ToList();
        Assert.True(missing.Count == 0, "no words for: " + string.Join(", ", missing));
        Assert.All(actions, a => Assert.NotEqual(a, TextsVi.All[AuditActionTexts.Key(a)]));
    }
}

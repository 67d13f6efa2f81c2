using System.Net;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Detection;

/// <summary>The whole collector in process: events posted over HTTP become incidents through the pipeline.</summary>
public sealed class DetectionPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestCollector> StartAsync(string rules, int handOffEvents = 10_000) =>
        await TestCollector.StartAsync($"--Detection:RulePaths:0={rules}", "--Detection:ReloadDebounce=00:00:00.200",
            $"--Storage:Events:DetectionHandOffEvents={handOffEvents}");

    private static async Task PostAsync(TestCollector collector, string token, string agentId, long seq, int count, long first, int eventId = 4625)
    {
        var batch = TestEvents.Batch(agentId, seq, count, first);
        if (eventId != 4625)
            batch = batch with { Events = batch.Events.Select(e => TestEvents.Logon(e.RecordId, eventId: eventId)).ToList() };
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<IncidentPage> WaitForAsync(TestCollector collector, Func<IncidentPage, bool> done, bool? drill = false)
    {
        var service = collector.Services.GetRequiredService<IIncidentService>();
        return Eventually.ValueAsync(() => service.QueryAsync(new IncidentQuery { Drill = drill }, UnitScope.All, Ct), done, "the expected incidents");
    }

    [Theory]
    [InlineData(10_000)] // committed events handed over in memory
    [InlineData(0)] // every event read back from the store (the path after a restart or when detection lags)
    public async Task Posted_events_become_one_grouped_incident_and_the_checkpoint_follows(int handOffEvents)
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        await using var collector = await StartAsync(rules.Path, handOffEvents);
        var (agentId, token, _) = await collector.EnrollAsync();

        await PostAsync(collector, token, agentId, 1, 5, 1);
        await PostAsync(collector, token, agentId, 1, 5, 1); // a re-sent batch: stored once, detected once
        await PostAsync(collector, token, agentId, 2, 3, 6);
        var page = await WaitForAsync(collector, p => p.Items.Count == 1 && p.Items[0].Count == 8);

        var incident = Assert.Single(page.Items);
        Assert.Equal(8, incident.Count);
        Assert.Equal(TestRules.FailedLogonId, incident.RuleId);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(IncidentCategory.AccountCompromise, incident.Category);
        Assert.Equal("PC-KETOAN-01", incident.Host);
        Assert.Equal("xa-sang-moc", incident.Unit);
        Assert.Equal(agentId, incident.AgentId);
        Assert.Equal(TestEvents.BaseTime.AddSeconds(1), incident.FirstSeen);
        Assert.Equal(TestEvents.BaseTime.AddSeconds(8), incident.LastSeen);
        var detail = await collector.Services.GetRequiredService<IIncidentService>().GetAsync(incident.Id, UnitScope.All, Ct);
        Assert.Equal(8, detail!.Events.Count);
        Assert.All(detail.Events, e => Assert.Equal(4625, e.Event.EventId));

        var stats = collector.Services.GetRequiredService<DetectionStatistics>();
        await Eventually.UntilAsync(() => stats.Checkpoint >= 8, "the checkpoint to reach event 8");
        Assert.Equal(8, stats.Checkpoint);
        Assert.Equal(8, stats.HitsByRule[TestRules.FailedLogonId]);
        Assert.Equal(8, await DetectionCheckpoint.ReadAsync(collector.Services.GetRequiredService<EmbeddedDatabase>(), Ct));
    }

    [Fact]
    public async Task Events_of_a_drill_agent_open_drill_incidents_never_real_ones()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        await using var collector = await StartAsync(rules.Path);
        var (drill, token) = await collector.Registry.EnrollInternalAsync("xa-sang-moc", "PC-KETOAN-01", isDrill: true, Ct);

        await PostAsync(collector, token, drill.AgentId, 1, 2, 1);
        var drills = await WaitForAsync(collector, p => p.Total == 1, drill: true);
        Assert.True(Assert.Single(drills.Items).IsDrill);
        Assert.Equal(0, (await WaitForAsync(collector, _ => true, drill: false)).Total);
    }

    [Fact]
    public async Task Rules_are_reloaded_when_a_file_changes_and_a_broken_file_keeps_the_last_good_set()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        await using var collector = await StartAsync(rules.Path);
        var (agentId, token, _) = await collector.EnrollAsync();
        var catalog = collector.Services.GetRequiredService<RuleCatalog>();
        var version = catalog.Version;

        File.WriteAllText(Path.Combine(rules.Path, "broken.yml"), TestRules.Broken);
        await WaitUntilAsync(() => catalog.Status.LastAttemptError is not null);
        Assert.Equal(version, catalog.Version);
        await PostAsync(collector, token, agentId, 1, 1, 1);
        var first = Assert.Single((await WaitForAsync(collector, p => p.Total == 1)).Items);

        File.Delete(Path.Combine(rules.Path, "broken.yml"));
        File.WriteAllText(Path.Combine(rules.Path, "success.yml"), TestRules.SuccessfulLogon());
        await WaitUntilAsync(() => catalog.Status.Rules.Count == 2);
        await PostAsync(collector, token, agentId, 2, 1, 2, eventId: 4624);
        // The new rule is low: its detection is evidence on the PC (in the open story or beside it), not an incident of its own.
        var evidence = collector.Services.GetRequiredService<DetectionEvidence>();
        var found = await Eventually.ValueAsync(() => evidence.ForHostAsync(first.Unit, first.Host, UnitScope.All, 50, Ct), e => e.Count > 0, "the new rule's evidence");
        Assert.Contains(found, e => e.RuleId == TestRules.SuccessfulLogonId && e.Level == IncidentSeverity.Low);
        Assert.Equal(1, (await WaitForAsync(collector, p => p.Total >= 1)).Total);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.UntilAsync(condition, "the rule catalog");
}

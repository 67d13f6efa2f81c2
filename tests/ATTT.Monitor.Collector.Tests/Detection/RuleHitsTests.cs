using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Detection;

/// <summary>The rules page's detections per day count every detection, also those an incident's evidence leaves out, on Vietnam days.</summary>
public sealed class RuleHitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 03:00 UTC on 27 November is 10:00 in Vietnam; the Vietnam day turns at 17:00 UTC (50,400 s later).
    private static readonly DateOnly November27 = new(2026, 11, 27);

    [Fact]
    public async Task Every_detection_of_a_long_incident_is_counted_on_its_Vietnam_day()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        await using var collector = await TestCollector.StartAsync(new TestClock(TestEvents.BaseTime.AddDays(1)),
            $"--Detection:RulePaths:0={rules.Path}", "--Incidents:KeepFirstEvents=5", "--Incidents:KeepLastEvents=5");
        var (agentId, token, unit) = await collector.EnrollAsync();
        var (drill, drillToken) = await collector.Registry.EnrollInternalAsync(unit, "PC-DIENTAP", isDrill: true, Ct);

        await PostAsync(collector, token, agentId, 1, Enumerable.Range(1, 40));
        // Five before and five after midnight in Vietnam.
        await PostAsync(collector, token, agentId, 2, Enumerable.Range(50_395, 10));
        await PostAsync(collector, drillToken, drill.AgentId, 1, Enumerable.Range(1, 7));
        var stats = collector.Services.GetRequiredService<DetectionStatistics>();
        await Eventually.UntilAsync(() => stats.HitsByRule.GetValueOrDefault(TestRules.FailedLogonId) == 57, "57 detections committed");

        var service = collector.Services.GetRequiredService<IIncidentService>();
        var first = (await service.QueryAsync(new IncidentQuery { Drill = false }, UnitScope.All, Ct)).Items.Single(i => i.FirstSeen == TestEvents.BaseTime.AddSeconds(1));
        Assert.True(first.Count >= 40);
        Assert.True((await service.GetAsync(first.Id, UnitScope.All, Ct))!.Events.Count <= 10, "the incident keeps its first and last events only");

        var hits = collector.Services.GetRequiredService<RuleHits>();
        var days = (await hits.DailyAsync([TestRules.FailedLogonId], November27.AddDays(1), 14, UnitScope.All, Ct))[TestRules.FailedLogonId];
        Assert.Equal([.. Enumerable.Repeat(0L, 12), 45L, 5L], days);
        var otherUnit = await hits.DailyAsync([TestRules.FailedLogonId], November27.AddDays(1), 14, UnitScope.Of(["xa-vu-chan"]), Ct);
        Assert.Equal(0, otherUnit[TestRules.FailedLogonId].Sum());
    }

    private static async Task PostAsync(TestCollector collector, string token, string agentId, long seq, IEnumerable<int> recordIds)
    {
        var batch = new EventBatch(agentId, seq, TestEvents.BaseTime, 0, recordIds.Select(id => TestEvents.Logon(id)).ToList());
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Detection.Packs;

/// <summary>A running collector takes a newly installed pack while agents keep posting: no request fails, no event goes unevaluated, the new pack detects.</summary>
public sealed class PackHotSwapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pack_installed_under_ingest_is_taken_without_a_failed_request_or_a_lost_detection()
    {
        using var temp = new TempFolder();
        using var product = new TempFolder();
        File.WriteAllText(Path.Combine(product.Path, "failed.yml"), TestRules.FailedLogon());
        // The agents post as fast as they can: lift the per-agent rate limit, which would answer 429.
        await using var collector = await TestCollector.StartAsync($"--Detection:RulePaths:0={product.Path}", "--Detection:ReloadDebounce=00:00:00.200",
            "--Ingest:RequestsPerSecond=1000000", "--Ingest:RequestBurst=1000000");
        var layout = new RulePackLayout(collector.DataPath);
        var installer = new RulePackInstaller(layout, collector.Clock);
        installer.Install(SigmaArchives.Security(temp.Path, "sigma_old.zip", leaveOut: [SigmaArchives.LogClearedFile]), null, RuleProfile.Default);
        var catalog = collector.Services.GetRequiredService<RuleCatalog>();
        catalog.Reload();
        Assert.Equal("sigma_old", catalog.Status.Pack!.Manifest.Name);
        Assert.DoesNotContain(catalog.Status.Rules, r => r.Id == SigmaArchives.LogClearedId);

        var agents = new[] { await collector.EnrollAsync(host: "PC-KETOAN-01"), await collector.EnrollAsync(host: "PC-VANTHU-02") };
        using var stop = new CancellationTokenSource();
        var posted = 0;
        var failures = new List<string>();
        var senders = agents.Select((a, n) => Task.Run(async () =>
        {
            using var client = collector.Client(a.Token);
            for (long seq = 1; !stop.IsCancellationRequested; seq++)
            {
                var batch = TestEvents.Batch(a.AgentId, seq, 5, firstRecordId: seq * 10, computer: n == 0 ? "PC-KETOAN-01" : "PC-VANTHU-02");
                using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    lock (failures) failures.Add($"{a.AgentId} batch {seq}: {(int)response.StatusCode}");
                Interlocked.Add(ref posted, 5);
            }
        }, Ct)).ToList();
        await Eventually.UntilAsync(() => Volatile.Read(ref posted) >= 50, "agents to post 50 events");

        var version = catalog.Version;
        var installed = installer.Install(SigmaArchives.Security(temp.Path, "sigma_new.zip"), null, RuleProfile.Default);
        await Eventually.UntilAsync(() => catalog.Status.Pack?.Manifest.Name == "sigma_new", "the collector to take the new pack");
        Assert.True(catalog.Version > version);
        var afterSwap = Volatile.Read(ref posted);
        await Eventually.UntilAsync(() => Volatile.Read(ref posted) >= afterSwap + 50, "agents to post 50 events more");
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.Empty(failures);
        var stats = collector.Services.GetRequiredService<DetectionStatistics>();
        var total = Volatile.Read(ref posted);
        await Eventually.UntilAsync(() => stats.EventsEvaluated >= total, $"detection to evaluate all {total} events (at {stats.EventsEvaluated})");
        // Every failed logon was detected, before, during and after the swap.
        Assert.Equal(total, stats.HitsByRule[TestRules.FailedLogonId]);
        Assert.Equal(0, stats.EvaluationErrors);

        // The rule only the new pack has now detects.
        using (var client = collector.Client(agents[0].Token))
        {
            using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(new EventBatch(agents[0].AgentId, 100_000, TestEvents.BaseTime, 0, [LogCleared()])), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var incidents = collector.Services.GetRequiredService<IIncidentService>();
        await Eventually.UntilAsync(async () => (await incidents.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items.Any(i => i.RuleId == SigmaArchives.LogClearedId),
            "an incident of the new pack's log-cleared rule");
        Assert.Equal(installed.Manifest.Name, catalog.Status.Pack!.Manifest.Name);
    }

    private static EventRecord LogCleared() => new()
    {
        Provider = "Microsoft-Windows-Eventlog",
        EventId = 1102,
        TimeCreated = TestEvents.BaseTime.AddHours(1),
        RecordId = 999_999,
        Channel = "Security",
        Computer = "PC-KETOAN-01",
        PayloadKind = EventPayloadKind.UserData,
        Fields = [new EventField("SubjectUserName", "admin")],
    };
}

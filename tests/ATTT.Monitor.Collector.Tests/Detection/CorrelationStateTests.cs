using System.Net;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Detection;

/// <summary>
/// Correlation counters in the running collector: scoped by unit, committed with the detection
/// checkpoint, and carried over a restart and a rule reload, for real and drill events alike.
/// </summary>
public sealed class CorrelationStateTests
{
    private const string CorrelationId = "6b7c0000-0000-4000-8000-0000000c0001";

    /// <summary>Four failed logons on one PC within an hour; the failures alone are no alerts.</summary>
    private const string BruteForce = """
        title: Đăng nhập thất bại / Failed logon
        id: 6b7c0000-0000-4000-8000-0000000c0000
        name: failed_logon_for_correlation
        status: test
        level: low
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4625 }, condition: sel }
        ---
        title: Dò mật khẩu / Brute force
        id: 6b7c0000-0000-4000-8000-0000000c0001
        status: test
        level: high
        correlation:
            type: event_count
            rules: [failed_logon_for_correlation]
            group-by: [Computer]
            timespan: 1h
            condition: { gte: 4 }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Settings(string rules) =>
        [$"--Detection:RulePaths:0={rules}", "--Detection:ReloadDebounce=00:00:00.200"];

    [Fact]
    public async Task The_same_pc_name_in_two_units_never_shares_a_counter_and_one_unit_alone_fires()
    {
        using var rules = RulesFolder();
        await using var collector = await TestCollector.StartAsync(Settings(rules.Path));
        var (agentA, tokenA, _) = await collector.EnrollAsync("xa-sang-moc", "PC-KETOAN-01");
        var (agentB, tokenB, _) = await collector.EnrollAsync("xa-tan-lap", "PC-KETOAN-01");

        await PostAsync(collector, tokenA, agentA, 1, 2, 1);
        await PostAsync(collector, tokenB, agentB, 1, 2, 3);
        await CaughtUpAsync(collector, 4);
        Assert.Equal(0, Fired(collector));

        await PostAsync(collector, tokenA, agentA, 2, 2, 5);
        await CaughtUpAsync(collector, 6);
        Assert.Equal(1, Fired(collector));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Half_the_threshold_before_a_restart_and_half_after_fires_once(bool drill)
    {
        using var rules = RulesFolder();
        using var data = new TempFolder("attt-correlation");
        string agentId, token;
        await using (var first = await TestCollector.StartInAsync(data.Path, Settings(rules.Path)))
        {
            (agentId, token) = await EnrollAsync(first, drill);
            await PostAsync(first, token, agentId, 1, 2, 1);
            await CaughtUpAsync(first, 2);
            Assert.Equal(0, Fired(first));
        }

        await using var second = await TestCollector.StartInAsync(data.Path, Settings(rules.Path));
        await PostAsync(second, token, agentId, 2, 2, 3);
        await CaughtUpAsync(second, 4);
        Assert.Equal(1, Fired(second));
    }

    [Fact]
    public async Task A_rule_reload_keeps_the_counters()
    {
        using var rules = RulesFolder();
        await using var collector = await TestCollector.StartAsync(Settings(rules.Path));
        var (agentId, token, _) = await collector.EnrollAsync();
        await PostAsync(collector, token, agentId, 1, 2, 1);
        await CaughtUpAsync(collector, 2);

        var catalog = collector.Services.GetRequiredService<RuleCatalog>();
        File.WriteAllText(Path.Combine(rules.Path, "success.yml"), TestRules.SuccessfulLogon());
        await Eventually.UntilAsync(() => catalog.Status.Rules.Count == 2, "the reloaded rule set");
        await PostAsync(collector, token, agentId, 2, 2, 3);
        await CaughtUpAsync(collector, 4);
        Assert.Equal(1, Fired(collector));
    }

    private static TempFolder RulesFolder()
    {
        var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "brute-force.yml"), BruteForce);
        return rules;
    }

    private static async Task<(string AgentId, string Token)> EnrollAsync(TestCollector collector, bool drill)
    {
        if (!drill)
        {
            var (agentId, token, _) = await collector.EnrollAsync();
            return (agentId, token);
        }

        var (agent, drillToken) = await collector.Registry.EnrollInternalAsync("xa-sang-moc", "PC-KETOAN-01", isDrill: true, Ct);
        return (agent.AgentId, drillToken);
    }

    private static async Task PostAsync(TestCollector collector, string token, string agentId, long seq, int count, long first)
    {
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, seq, count, first)), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Detection has committed every event up to <paramref name="lastEventId"/> (and with it the correlation state).</summary>
    private static Task CaughtUpAsync(TestCollector collector, long lastEventId)
    {
        var database = collector.Services.GetRequiredService<EmbeddedDatabase>();
        return Eventually.UntilAsync(async () => await DetectionCheckpoint.ReadAsync(database, Ct) >= lastEventId, $"the checkpoint to reach event {lastEventId}");
    }

    private static long Fired(TestCollector collector) =>
        collector.Services.GetRequiredService<DetectionStatistics>().HitsByRule.GetValueOrDefault(CorrelationId);
}

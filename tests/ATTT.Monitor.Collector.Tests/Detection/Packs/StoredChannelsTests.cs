using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Detection.Packs;

/// <summary>The channel filter adds the channels of the stored events, so a pack rule for a channel an agent forwards beyond the defaults is loaded.</summary>
public sealed class StoredChannelsTests
{
    private const string Bits = "Microsoft-Windows-Bits-Client/Operational";
    private const string BitsRuleId = "7a3c9e10-2b4d-4c6e-8f10-a1b2c3d4e5f6";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BitsPack(string folder) => SigmaArchives.Of(folder, "sigma_bits.zip", ("rules/windows/builtin/bits/bits_job.yml", $$"""
        title: BITS job downloads from a raw IP
        id: {{BitsRuleId}}
        status: stable
        level: high
        logsource: { product: windows, service: bits-client }
        detection:
            selection: { EventID: 16403 }
            condition: selection
        """));

    private static Events.EventRecord BitsEvent(long recordId) => TestEvents.Logon(recordId, eventId: 16403, channel: Bits);

    [Fact]
    public void A_pack_rule_for_a_channel_only_the_store_has_seen_is_loaded()
    {
        using var rules = new TempFolder();
        using var data = new TempFolder();
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        new RulePackInstaller(new RulePackLayout(data.Path), new ManualTimeProvider()).Install(BitsPack(temp.Path), null, RuleProfile.Default);
        RuleCatalog Catalog(IEventStore store) => new(Options.Create(new DetectionOptions { RulePaths = [rules.Path] }), new ManualTimeProvider(),
            NullLogger<RuleCatalog>.Instance, DataDirectoryOptions.For(data.Path), store);

        var securityOnly = Catalog(new ListEventStore([new StoredEvent(1, "a_01", "xa-a", false, TestEvents.BaseTime, TestEvents.Logon(1))])).Status;
        Assert.DoesNotContain(securityOnly.Rules, r => r.Id == BitsRuleId);
        Assert.Equal(DetectionOptions.DefaultChannels, securityOnly.Channels);

        var withBits = Catalog(new ListEventStore([new StoredEvent(1, "a_01", "xa-a", false, TestEvents.BaseTime, BitsEvent(1))])).Status;
        Assert.Contains(withBits.Rules, r => r.Id == BitsRuleId);
        Assert.Equal([.. DetectionOptions.DefaultChannels, Bits], withBits.Channels);
    }

    [Fact]
    public async Task A_running_collector_loads_the_rule_once_an_agent_forwards_the_channel_and_then_detects_with_it()
    {
        using var rules = new TempFolder();
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        await using var collector = await TestCollector.StartAsync($"--Detection:RulePaths:0={rules.Path}",
            "--Detection:ReloadDebounce=00:00:00.100", "--Detection:ChannelCheckInterval=00:00:00.200");
        new RulePackInstaller(new RulePackLayout(collector.DataPath), collector.Clock).Install(BitsPack(temp.Path), null, RuleProfile.Default);
        var catalog = collector.Services.GetRequiredService<RuleCatalog>();
        await Eventually.UntilAsync(() => catalog.Status.Pack?.Manifest.Name == "sigma_bits", "the collector to take the pack");
        Assert.DoesNotContain(catalog.Status.Rules, r => r.Id == BitsRuleId);

        var (agentId, token, _) = await collector.EnrollAsync();
        await PostAsync(collector, token, new EventBatch(agentId, 1, TestEvents.BaseTime, 0, [BitsEvent(1)]));
        await Eventually.UntilAsync(() => catalog.Status.Rules.Any(r => r.Id == BitsRuleId), "the BITS rule to be loaded");
        Assert.Contains(Bits, catalog.Status.Channels!);

        await PostAsync(collector, token, new EventBatch(agentId, 2, TestEvents.BaseTime, 0, [BitsEvent(2)]));
        var service = collector.Services.GetRequiredService<IIncidentService>();
        await Eventually.ValueAsync(() => service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct), p => p.Items.Any(i => i.RuleId == BitsRuleId), "an incident of the BITS rule");
    }

    private static async Task PostAsync(TestCollector collector, string token, EventBatch batch)
    {
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Loading;

/// <summary>Load-time profiles (status, level, excluded ids) and the channel filter.</summary>
public class ProfileTests
{
    private const string Rules = """
        title: Stable high
        id: p-stable-high
        status: stable
        level: high
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 1102 }, condition: sel }
        ---
        title: Experimental critical
        id: p-experimental-critical
        status: experimental
        level: critical
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4720 }, condition: sel }
        ---
        title: Test low, feeds a correlation
        id: p-test-low
        name: failed
        status: test
        level: low
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4625 }, condition: sel }
        ---
        title: Burst
        id: p-burst
        status: test
        level: high
        correlation:
            type: event_count
            rules: [failed]
            group-by: [TargetUserName]
            timespan: 5m
            condition: { gte: 3 }
        ---
        title: Sysmon medium
        id: p-sysmon
        status: stable
        logsource: { product: windows, category: dns_query }
        detection: { sel: { QueryName|endswith: '.evil' }, condition: sel }
        ---
        title: Any Windows channel
        id: p-everywhere
        status: stable
        logsource: { product: windows }
        detection: { sel: { Provider_Name: Evil }, condition: sel }
        """;

    [Fact]
    public void Statuses_and_minimum_level_select_rules_and_keep_what_a_correlation_needs()
    {
        var set = SigmaRuleSet.LoadText(Rules, new SigmaLoadOptions
        {
            Statuses = new HashSet<string> { "stable", "test" },
            MinimumLevel = SigmaLevel.Medium,
        });
        Assert.Empty(set.Diagnostics);
        Assert.Equal(["p-stable-high", "p-test-low", "p-sysmon", "p-everywhere"], set.Rules.Select(r => r.Id));
        Assert.Equal(["p-burst"], set.Correlations.Select(r => r.Id));
        Assert.Equal(1, set.ExcludedCount);
    }

    [Fact]
    public void Excluded_ids_are_never_loaded_and_a_correlation_left_without_rules_goes_too()
    {
        var set = SigmaRuleSet.LoadText(Rules, new SigmaLoadOptions { ExcludedRuleIds = new HashSet<string> { "p-test-low", "p-sysmon" } });
        Assert.Empty(set.Diagnostics);
        Assert.DoesNotContain(set.Rules, r => r.Id is "p-test-low" or "p-sysmon");
        Assert.Empty(set.Correlations);
        Assert.Equal(3, set.ExcludedCount);
    }

    [Fact]
    public void The_channel_filter_loads_only_rules_for_the_given_channels()
    {
        var set = SigmaRuleSet.LoadText(Rules, new SigmaLoadOptions { Channels = ["security"] });
        Assert.Empty(set.Diagnostics);
        Assert.Equal(["p-stable-high", "p-experimental-critical", "p-test-low", "p-everywhere"], set.Rules.Select(r => r.Id));
        Assert.Equal(["p-burst"], set.Correlations.Select(r => r.Id));
        Assert.Equal(1, set.ExcludedCount);
        var engine = set.CreateEngine();
        Assert.Single(engine.Evaluate(TestEvents.Make("Security", 1102)));
        Assert.Empty(engine.Evaluate(TestEvents.Make("Microsoft-Windows-Sysmon/Operational", 22, ("QueryName", "c2.evil"))));
        Assert.Single(SigmaRuleSet.LoadText(Rules).CreateEngine().Evaluate(TestEvents.Make("Microsoft-Windows-Sysmon/Operational", 22, ("QueryName", "c2.evil"))));
    }
}

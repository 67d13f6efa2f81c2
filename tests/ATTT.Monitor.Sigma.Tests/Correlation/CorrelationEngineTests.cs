using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Correlation;

/// <summary>Correlation rules over time-ordered detections: counts, distinct values, temporal order, bounds.</summary>
public class CorrelationEngineTests
{
    private const string Base = """
        title: Failed logon
        id: 00000000-0000-4000-8000-00000000f001
        name: failed_logon
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4625 }, condition: sel }
        ---
        title: Successful logon
        id: 00000000-0000-4000-8000-00000000f002
        name: ok_logon
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4624 }, condition: sel }
        """;

    private static List<SigmaDetection> Run(string correlation, IEnumerable<EventRecord> events)
    {
        var set = RuleText.Load(Base + "\n---\n" + correlation);
        Assert.Empty(set.Diagnostics);
        var engine = set.CreateEngine();
        var corr = set.CreateCorrelationEngine();
        var fired = new List<SigmaDetection>();
        foreach (var e in events)
        {
            foreach (var d in engine.Evaluate(e)) fired.AddRange(corr.Process(d));
        }

        return fired;
    }

    private static EventRecord Logon(int id, string user, double minutes, string ip = "10.0.0.5") =>
        TestEvents.Make("Security", id, ("TargetUserName", user), ("IpAddress", ip)).At(TestEvents.T0.AddMinutes(minutes));

    private const string Burst = """
        title: Failed logon burst
        id: burst
        correlation:
            type: event_count
            rules: [failed_logon]
            group-by: [TargetUserName]
            timespan: 5m
            condition: { gte: 3 }
        level: high
        """;

    [Fact]
    public void Event_count_fires_when_the_threshold_is_reached_within_the_timespan_per_group()
    {
        var fired = Run(Burst, [Logon(4625, "a", 0), Logon(4625, "b", 1), Logon(4625, "a", 2), Logon(4625, "a", 3)]);
        var d = Assert.Single(fired);
        Assert.Equal("burst", d.Rule.Id);
        Assert.Equal(3, d.Count);
        Assert.Equal(TestEvents.T0.AddMinutes(3), d.Timestamp);
    }

    [Fact]
    public void Event_count_forgets_events_older_than_the_timespan()
    {
        Assert.Empty(Run(Burst, [Logon(4625, "a", 0), Logon(4625, "a", 4), Logon(4625, "a", 9), Logon(4625, "a", 13)]));
    }

    [Fact]
    public void Value_count_counts_distinct_values()
    {
        const string spray = """
            title: Password spray
            id: spray
            correlation:
                type: value_count
                rules: [failed_logon]
                group-by: [IpAddress]
                timespan: 10m
                condition: { field: TargetUserName, gte: 3 }
            """;
        Assert.Empty(Run(spray, [Logon(4625, "a", 0), Logon(4625, "a", 1), Logon(4625, "b", 2)]));
        Assert.Single(Run(spray, [Logon(4625, "a", 0), Logon(4625, "b", 1), Logon(4625, "c", 2)]));
    }

    [Fact]
    public void Temporal_ordered_needs_the_order_and_chains_correlations()
    {
        var rules = Burst + """

            ---
            title: Brute force then success
            id: bf_success
            correlation:
                type: temporal_ordered
                rules: [burst, ok_logon]
                group-by: [TargetUserName]
                timespan: 10m
            level: critical
            """;
        var fired = Run(rules, [Logon(4625, "a", 0), Logon(4625, "a", 1), Logon(4625, "a", 2), Logon(4624, "a", 3)]);
        Assert.Equal(["burst", "bf_success"], fired.Select(d => d.Rule.Id));
        Assert.DoesNotContain(Run(rules, [Logon(4624, "a", 0), Logon(4625, "a", 1), Logon(4625, "a", 2), Logon(4625, "a", 3)]),
            d => d.Rule.Id == "bf_success");
    }

    [Fact]
    public void Temporal_fires_when_every_rule_was_seen_in_any_order()
    {
        const string both = """
            title: Both
            id: both
            correlation:
                type: temporal
                rules: [ok_logon, failed_logon]
                group-by: [TargetUserName]
                timespan: 5m
            """;
        Assert.Single(Run(both, [Logon(4625, "a", 0), Logon(4624, "a", 1)]));
        Assert.Empty(Run(both, [Logon(4625, "a", 0), Logon(4624, "b", 1)]));
        Assert.Empty(Run(both, [Logon(4625, "a", 0), Logon(4624, "a", 6)]));
    }

    [Fact]
    public void Referenced_rules_do_not_alert_on_their_own_unless_generate_is_set()
    {
        var set = RuleText.Load(Base + "\n---\n" + Burst);
        Assert.False(set.Rules.Single(r => r.Name == "failed_logon").GeneratesAlerts);
        Assert.True(set.Rules.Single(r => r.Name == "ok_logon").GeneratesAlerts);
        var generating = RuleText.Load(Base + "\n---\n" + Burst.Replace("level: high", "level: high\ngenerate: true", StringComparison.Ordinal));
        Assert.True(generating.Rules.Single(r => r.Name == "failed_logon").GeneratesAlerts);
    }

    [Fact]
    public void Group_state_is_bounded()
    {
        var set = RuleText.Load(Base + "\n---\n" + Burst);
        var engine = set.CreateEngine();
        var corr = set.CreateCorrelationEngine(new SigmaLoadOptions { MaxCorrelationGroups = 100 });
        for (var i = 0; i < 5000; i++)
        {
            foreach (var d in engine.Evaluate(Logon(4625, "user" + i, i * 0.001))) corr.Process(d);
        }

        Assert.True(corr.TrackedGroups <= 100, $"{corr.TrackedGroups} groups tracked");
    }

    [Theory]
    [InlineData("type: temporal\n    rules: [failed_logon, ok_logon]\n    timespan: 5m\n    condition: 'failed_logon and ok_logon'", SigmaDiagnosticKind.Unsupported)]
    [InlineData("type: value_sum\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { gt: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: value_avg\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { field: [a, b], gt: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: value_percentile\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { field: a, percentile: 101, gt: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: temporal\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { field: a, gte: 1 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: event_count\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { gte: 2.5 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: event_count\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { about: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: event_count\n    rules: [nope]\n    timespan: 5m\n    condition: { gte: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: event_count\n    rules: [failed_logon]\n    timespan: 5 minutes\n    condition: { gte: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: value_count\n    rules: [failed_logon]\n    timespan: 5m\n    condition: { gte: 3 }", SigmaDiagnosticKind.Invalid)]
    [InlineData("type: sequence\n    rules: [failed_logon]\n    timespan: 5m", SigmaDiagnosticKind.Unsupported)]
    public void Bad_correlations_are_named(string body, SigmaDiagnosticKind kind)
    {
        var set = RuleText.Load(Base + "\n---\ntitle: c\nid: c\ncorrelation:\n    " + body + "\n");
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(kind, d.Kind);
    }
}

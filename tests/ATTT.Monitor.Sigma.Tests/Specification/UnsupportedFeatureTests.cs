using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>What the engine does not do stays a SKIP with a named reason (what `attt rules check` prints).</summary>
public class UnsupportedFeatureTests
{
    [Theory]
    [InlineData("detection:\n    sel: { EventID: 1 }\n    condition: sel | count() > 5", "aggregation")]
    [InlineData("detection:\n    a: { EventID: 1 }\n    b: { EventID: 2 }\n    condition: a | near b", "aggregation")]
    [InlineData("detection:\n    sel: { Image|nosuch: x }\n    condition: sel", "nosuch")]
    [InlineData("detection:\n    sel: { Image|expand: '%domain_admins%' }\n    condition: sel", "%domain_admins%")]
    public void Detection_features_outside_the_engine_are_named(string detection, string named)
    {
        var set = SigmaRuleSet.LoadText($"title: t\nid: u1\nlogsource: {{ product: windows, category: process_creation }}\n{detection}\n");
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Unsupported, d.Kind);
        Assert.Contains(named, d.Reason, StringComparison.Ordinal);
        Assert.StartsWith("SKIP <text>: ", d.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: value_median\n    rules: [r]\n    group-by: [x]\n    timespan: 1h\n    condition: { field: n, gt: 1 }", "value_median")]
    [InlineData("type: temporal\n    rules: [r, s]\n    group-by: [x]\n    timespan: 1h\n    condition: 'r and not s'", "expression")]
    public void Correlation_features_beyond_Sigma_2_1_are_named(string body, string named)
    {
        var set = SigmaRuleSet.LoadText($$"""
            title: r
            name: r
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 1 }, condition: sel }
            ---
            title: s
            name: s
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 2 }, condition: sel }
            ---
            title: c
            id: c1
            correlation:
                {{body}}
            """);
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Unsupported, d.Kind);
        Assert.Contains(named, d.Reason, StringComparison.Ordinal);
    }
}

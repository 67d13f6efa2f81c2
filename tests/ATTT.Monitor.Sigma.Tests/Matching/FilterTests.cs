using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Matching;

/// <summary>Sigma filters: a commune silences a known false positive without editing the upstream rule.</summary>
public class FilterTests
{
    private const string Rule = """
        title: Whoami
        id: 7f0c0f5a-0000-4000-8000-000000000001
        name: whoami_run
        logsource: { product: windows, category: process_creation }
        detection:
            selection: { Image|endswith: '\whoami.exe' }
            condition: selection
        """;

    [Theory]
    [InlineData("7f0c0f5a-0000-4000-8000-000000000001")]
    [InlineData("whoami_run")]
    public void A_filter_silences_matching_events_of_the_named_rule(string reference)
    {
        var set = RuleText.Load(Rule + $$"""

            ---
            title: IT officer's inventory script
            id: f1
            logsource: { product: windows, category: process_creation }
            filter:
                rules: [{{reference}}]
                selection:
                    ParentImage|endswith: '\inventory.exe'
                condition: not selection
            """);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(1, set.FilterCount);
        var engine = set.CreateEngine();
        Assert.Empty(engine.Evaluate(TestEvents.Sysmon1(@"C:\Windows\System32\whoami.exe", "whoami", @"C:\IT\inventory.exe")));
        Assert.Single(engine.Evaluate(TestEvents.Sysmon1(@"C:\Windows\System32\whoami.exe", "whoami", @"C:\Windows\explorer.exe")));
    }

    [Fact]
    public void A_filter_naming_no_loaded_rule_is_reported()
    {
        var set = RuleText.Load("""
            title: Orphan filter
            id: f2
            logsource: { product: windows, category: process_creation }
            filter:
                rules: [does-not-exist]
                selection: { User: x }
                condition: not selection
            """);
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Unsupported, d.Kind);
        Assert.Contains("does-not-exist", d.Reason, StringComparison.Ordinal);
    }
}

using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Parsing;

/// <summary>Rule metadata, multi-document files, rule collections, and bad files named plainly.</summary>
public class RuleFileTests
{
    [Fact]
    public void Metadata_is_read()
    {
        var set = RuleText.Load("""
            title: Whoami
            id: 0b9a7a2e-0000-4000-8000-000000000001
            status: test
            description: Detects whoami
            references: [https://example.org]
            tags: [attack.discovery, attack.t1033]
            falsepositives: [Admins]
            level: low
            logsource: { product: windows, category: process_creation }
            detection:
                selection: { Image|endswith: '\whoami.exe' }
                condition: selection
            """);
        var rule = Assert.Single(set.Rules);
        Assert.Equal("Whoami", rule.Title);
        Assert.Equal(SigmaLevel.Low, rule.Level);
        Assert.Equal("low", rule.LevelName);
        Assert.Equal(["attack.discovery", "attack.t1033"], rule.Tags);
        Assert.Equal("test", rule.Status);
        Assert.Equal(["Admins"], rule.FalsePositives);
        Assert.Equal(new SigmaLogsource("windows", "process_creation", null), rule.Logsource);
    }

    [Fact]
    public void Rule_collection_global_action_is_merged_into_each_document()
    {
        var set = RuleText.Load("""
            action: global
            logsource: { product: windows, category: process_creation }
            level: high
            detection:
                condition: selection
            ---
            title: A
            id: a
            detection:
                selection: { Image|endswith: '\a.exe' }
            ---
            title: B
            id: b
            detection:
                selection: { Image|endswith: '\b.exe' }
            ---
            action: reset
            ---
            title: C
            id: c
            logsource: { product: windows, service: security }
            detection:
                selection: { EventID: 4624 }
                condition: selection
            """);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(["a", "b", "c"], set.Rules.Select(r => r.Id));
        Assert.All(set.Rules.Take(2), r => Assert.Equal(SigmaLevel.High, r.Level));
        var d = Assert.Single(set.CreateEngine().Evaluate(TestEvents.Sysmon1(@"C:\b.exe", "")));
        Assert.Equal("b", d.Rule.Id);
    }

    [Fact]
    public void One_bad_document_does_not_stop_the_others()
    {
        var set = RuleText.Load("""
            title: Good
            id: good
            logsource: { product: windows, category: process_creation }
            detection: { sel: { Image: x }, condition: sel }
            ---
            title: No condition
            id: bad
            logsource: { product: windows, category: process_creation }
            detection: { sel: { Image: x } }
            ---
            title: Old aggregation
            id: old
            logsource: { product: windows, category: process_creation }
            detection: { sel: { Image: x }, condition: 'sel | count() > 5' }
            """);
        Assert.Equal(["good"], set.Rules.Select(r => r.Id));
        Assert.Equal(2, set.Diagnostics.Count);
        Assert.Equal(SigmaDiagnosticKind.Invalid, set.Diagnostics.Single(d => d.RuleId is null && d.Document == 2).Kind);
        Assert.StartsWith("ERROR <text> (document 2): ", set.Diagnostics[0].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("SKIP <text> (document 3): ", set.Diagnostics[1].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: [unclosed", "YAML")]
    [InlineData("- just a list", "mapping")]
    [InlineData("id: x\nlogsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}", "title")]
    [InlineData("title: t\nlogsource: {product: windows}", "detection")]
    [InlineData("title: t\nlevel: severe\nlogsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}", "level")]
    public void Invalid_files_are_errors_with_a_reason(string yaml, string mentioned)
    {
        var d = Assert.Single(RuleText.Load(yaml).Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Invalid, d.Kind);
        Assert.Contains(mentioned, d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_security_rule_never_fires_on_a_sysmon_event_with_the_same_event_id()
    {
        // Sysmon EventID 1 vs a Security rule on EventID 1 (the Chainsaw EventID collision).
        var set = RuleText.Load("""
            title: Security 4624
            id: sec
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: [1, 4624] }, condition: sel }
            """);
        var engine = set.CreateEngine();
        Assert.Empty(engine.Evaluate(TestEvents.Sysmon1("x", "y")));
        Assert.Single(engine.Evaluate(TestEvents.Make("Security", 4624)));
    }

    [Fact]
    public void Process_creation_rules_use_the_security_4688_field_names()
    {
        var set = RuleText.Load(RuleText.ProcessCreation("    sel: { Image|endswith: '\\whoami.exe' }\n    condition: sel"));
        var engine = set.CreateEngine();
        Assert.Single(engine.Evaluate(TestEvents.Make("Security", 4688, ("NewProcessName", @"C:\Windows\System32\whoami.exe"))));
        Assert.Empty(engine.Evaluate(TestEvents.Make("Security", 4689, ("NewProcessName", @"C:\Windows\System32\whoami.exe"))));
    }
}

using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>
/// The filters specification: its example (tests/schema/filter/filter_1.yml), the logsource a
/// filter applies within, and pySigma's <c>rules: any</c>.
/// </summary>
public class FilterExampleTests
{
    private const string Rules = """
        title: Data Compressed - rar.exe
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        logsource: { category: process_creation, product: windows }
        detection: { selection: { Image|endswith: '\rar.exe' }, condition: selection }
        ---
        title: Login on jump host
        id: df0841c0-9846-4e9f-ad8a-7df91571771b
        logsource: { category: process_creation, product: windows }
        detection: { selection: { Image|endswith: '\mstsc.exe' }, condition: selection }
        ---
        title: Logon
        id: 3e1d2a6b-0000-4000-8000-0000000000f3
        logsource: { product: windows, service: security }
        detection: { selection: { EventID: 4624 }, condition: selection }
        """;

    // Verbatim: the filter's condition is ANDed to the rules' own, so they keep only adm_ users.
    private const string Filter = """
        title: Filter Administrator account
        description: The valid administrator account start with adm_
        logsource:
            category: process_creation
            product: windows
        filter:
            rules:
                - 6f3e2987-db24-4c78-a860-b4f4095a7095 # Data Compressed - rar.exe
                - df0841c0-9846-4e9f-ad8a-7df91571771b # Login on jump host
            selection:
                User|startswith: 'adm_'
            condition: selection
        """;

    private static Events.EventRecord Run(string image, string user) =>
        TestEvents.Make("Microsoft-Windows-Sysmon/Operational", 1, ("Image", image), ("User", user));

    [Fact]
    public void The_specification_example_is_anded_to_both_rules()
    {
        var set = RuleText.Load(Rules + "\n---\n" + Filter);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(1, set.FilterCount);
        var engine = set.CreateEngine();
        Assert.Single(engine.Evaluate(Run(@"C:\Program Files\WinRAR\rar.exe", "adm_hung")));
        Assert.Empty(engine.Evaluate(Run(@"C:\Program Files\WinRAR\rar.exe", "ketoan")));
        Assert.Single(engine.Evaluate(Run(@"C:\Windows\System32\mstsc.exe", "adm_lan")));
        Assert.Empty(engine.Evaluate(Run(@"C:\Windows\System32\mstsc.exe", "lan")));
    }

    [Fact]
    public void A_filter_applies_only_within_its_logsource()
    {
        var set = RuleText.Load(Rules + "\n---\n" + Filter.Replace("- df0841c0-9846-4e9f-ad8a-7df91571771b # Login on jump host",
            "- 3e1d2a6b-0000-4000-8000-0000000000f3", StringComparison.Ordinal));
        Assert.Empty(set.Diagnostics);
        Assert.Single(set.CreateEngine().Evaluate(TestEvents.Make("Security", 4624, ("User", "ketoan"))));
    }

    [Fact]
    public void Rules_any_applies_to_every_rule_of_the_logsource()
    {
        var set = RuleText.Load(Rules + """

            ---
            title: The IT officer's admin accounts
            logsource: { category: process_creation, product: windows }
            filter:
                rules: any
                selection:
                    User|startswith: 'adm_'
                condition: not selection
            """);
        Assert.Empty(set.Diagnostics);
        var engine = set.CreateEngine();
        Assert.Empty(engine.Evaluate(Run(@"C:\x\rar.exe", "adm_it")));
        Assert.Empty(engine.Evaluate(Run(@"C:\x\mstsc.exe", "adm_it")));
        Assert.Single(engine.Evaluate(Run(@"C:\x\mstsc.exe", "ketoan")));
        Assert.Single(engine.Evaluate(TestEvents.Make("Security", 4624, ("User", "adm_it"))));
    }

    [Fact]
    public void A_filter_without_a_logsource_is_invalid()
    {
        var set = RuleText.Load(Rules + "\n---\n" + Filter.Replace("logsource:\n    category: process_creation\n    product: windows\n", "", StringComparison.Ordinal));
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Invalid, d.Kind);
        Assert.Contains("logsource", d.Reason, StringComparison.Ordinal);
    }
}

using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests;

/// <summary>guidance/attack.vi.yml as shipped: valid, complete, and deliberate about categories.</summary>
public sealed class AttackTableTests
{
    private static readonly (AttackTable Table, List<ContentProblem> Problems) Shipped = AttackTableValidator.Validate(ContentPaths.AttackTable);

    /// <summary>The Enterprise tactics of ATT&amp;CK v19, as Sigma 2 writes them.</summary>
    private static readonly string[] CurrentTactics =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
        "privilege-escalation", "stealth", "defense-impairment", "credential-access", "discovery",
        "lateral-movement", "collection", "command-and-control", "exfiltration", "impact",
    ];

    [Fact]
    public void The_shipped_table_is_valid() =>
        Assert.True(Shipped.Problems.Count == 0, string.Join(Environment.NewLine, Shipped.Problems));

    [Fact]
    public void Its_tactics_are_the_current_enterprise_tactics() =>
        Assert.Equal(CurrentTactics.Order(StringComparer.Ordinal), Shipped.Table.TacticCategories.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("credential_access", "credential-access")]
    [InlineData("privilege_escalation", "privilege-escalation")]
    [InlineData("command_and_control", "command-and-control")]
    [InlineData("initial_access", "initial-access")]
    [InlineData("lateral_movement", "lateral-movement")]
    [InlineData("resource_development", "resource-development")]
    [InlineData("defense_impairment", "defense-impairment")]
    [InlineData("defense-evasion", "stealth")]
    [InlineData("defense_evasion", "stealth")]
    public void Older_tactic_names_resolve_to_the_current_tactic(string written, string tactic) =>
        Assert.Equal(tactic, Shipped.Table.ResolveTactic(written));

    [Theory]
    [InlineData("t1003", "account_compromise")]
    [InlineData("t1003.001", "account_compromise")]
    [InlineData("t1110", "account_compromise")]
    [InlineData("t1486", "ransomware")]
    [InlineData("t1490", "ransomware")]
    [InlineData("t1562.001", "protection_disabled")]
    [InlineData("t1070.001", "protection_disabled")]
    [InlineData("t1685", "protection_disabled")]
    [InlineData("t1685.005", "protection_disabled")]
    [InlineData("t1566.001", "phishing")]
    [InlineData("t1491.002", "defacement")]
    [InlineData("t1567.002", "data_breach")]
    [InlineData("t1021.001", "intrusion")]
    [InlineData("t1547.001", "malware")]
    public void Key_techniques_open_incidents_of_the_chosen_category(string technique, string category) =>
        Assert.Equal(category, Shipped.Table.TechniqueCategories.GetValueOrDefault(technique));

    [Fact]
    public void Every_technique_names_its_category_and_every_sub_technique_its_parent()
    {
        var techniques = Shipped.Table.TechniqueCategories;
        Assert.All(techniques, t => Assert.False(string.IsNullOrEmpty(t.Value), $"{t.Key} has no category"));
        Assert.All(techniques.Keys.Where(k => k.Contains('.', StringComparison.Ordinal)),
            k => Assert.True(techniques.ContainsKey(k[..k.IndexOf('.', StringComparison.Ordinal)]), $"{k} has no parent entry"));
    }
}

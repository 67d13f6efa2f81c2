using ATTT.Monitor.Collector.Incidents;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentCategorizerTests
{
    private static readonly IncidentCategorizer Default = new(new IncidentsOptions());

    [Theory]
    [InlineData("Windows Defender Threat Detected", "", IncidentCategory.Malware)]
    [InlineData("Vssadmin delete shadows", "attack.impact,attack.t1490", IncidentCategory.Ransomware)]
    [InlineData("Possible Ransomware note", "attack.impact", IncidentCategory.Ransomware)]
    [InlineData("Security log cleared", "attack.defense_evasion,attack.t1070.001", IncidentCategory.ProtectionDisabled)]
    [InlineData("Defender disabled", "attack.defense-impairment,attack.t1562.001", IncidentCategory.ProtectionDisabled)]
    [InlineData("Brute force", "attack.credential-access", IncidentCategory.AccountCompromise)]
    [InlineData("Whoami", "attack.discovery,attack.t1033", IncidentCategory.Intrusion)]
    [InlineData("Exfiltration over web", "attack.exfiltration", IncidentCategory.DataBreach)]
    [InlineData("Brute force", "attack.credential_access,attack.t1110", IncidentCategory.AccountCompromise)]
    [InlineData("Something", "", IncidentCategory.Other)]
    public void Default_rules_map_tags_and_titles(string title, string tags, string expected)
    {
        var hit = Brute(1, T0) with { RuleTitle = title, Tags = tags.Split(',', StringSplitOptions.RemoveEmptyEntries) };
        Assert.Equal(expected, Default.Categorize(hit));
    }

    [Fact]
    public void Configured_rules_replace_the_defaults_and_can_name_rule_ids()
    {
        var categorizer = new IncidentCategorizer(new IncidentsOptions
        {
            Categories = [new CategoryRule { Category = IncidentCategory.Phishing, RuleIds = [Brute(1, T0).RuleId] }],
        });
        Assert.Equal(IncidentCategory.Phishing, categorizer.Categorize(Brute(1, T0)));
        Assert.Equal(IncidentCategory.Other, categorizer.Categorize(Ransom(1, T0)));
    }
}

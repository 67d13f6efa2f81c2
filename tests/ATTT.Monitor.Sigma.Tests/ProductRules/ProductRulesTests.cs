using System.Text.RegularExpressions;
using ATTT.Monitor.Sigma.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// The product's own rule pack in rules/: it loads cleanly, every rule is the team's own and
/// explains itself in Vietnamese (title, description, guidance), carries ATT&amp;CK tags in Sigma 2
/// form, and the pack covers the attack families communes meet.
/// </summary>
public partial class ProductRulesTests
{
    private static readonly string[] Tactics =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
        "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
        "exfiltration", "impact",
    ];

    private static readonly string[] Statuses = ["stable", "test", "experimental"];
    private static readonly string[] Levels = ["informational", "low", "medium", "high", "critical"];

    [GeneratedRegex("[ạảãàáâậầấẩẫăắằặẳẵêếềệểễẹẻẽèéôốồộổỗơớờợởỡọỏõòóưứừựửữụủũùúịỉĩìíỵỷỹỳýđĐ]")]
    private static partial Regex VietnameseLetter();

    [GeneratedRegex(@"^attack\.t\d{4}(\.\d{3})?$")]
    private static partial Regex TechniqueTag();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    private static IEnumerable<RuleDocument> Documents() => ProductRuleFiles.RuleFiles().SelectMany(RuleDocument.ReadAll);

    [Fact]
    public void The_pack_loads_without_diagnostics_and_every_rule_is_routed()
    {
        var set = ProductRuleFiles.Rules;
        Assert.Empty(set.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(set.UnroutedRules.Select(r => $"{r.Path}: {r.Title}"));
        var alerting = set.Rules.Where(r => r.GeneratesAlerts).Count() + set.Correlations.Count(c => c.GeneratesAlerts);
        Assert.True(alerting >= 60, $"the pack raises {alerting} kinds of alert; issue 22 expects 60 or more");
    }

    [Fact]
    public void Ids_are_unique_and_none_is_taken_from_SigmaHQ()
    {
        var docs = Documents().ToList();
        var ids = docs.Select(d => d.Id).ToList();
        Assert.All(docs, d => Assert.True(Guid.TryParse(d.Id, out _), $"{ProductRuleFiles.Show(d.File)} line {d.Line}: id '{d.Id}' is not a UUID"));
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));

        var sigmaHq = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Paths.SharedRuleFolders())
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories))
            {
                foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("id: ", StringComparison.Ordinal)))
                    sigmaHq.Add(line[4..].Trim());
            }
        }

        Assert.True(sigmaHq.Count > 1000, $"only {sigmaHq.Count} SigmaHQ rule ids found under ../shared/sigma");
        Assert.DoesNotContain(ids, i => i is not null && sigmaHq.Contains(i));
    }

    [Fact]
    public void Every_rule_speaks_Vietnamese_and_carries_ATTACK_tags_in_Sigma_2_form()
    {
        var problems = new List<string>();
        foreach (var doc in Documents())
        {
            var where = $"{ProductRuleFiles.Show(doc.File)} line {doc.Line} ({doc.Id})";
            void Require(bool ok, string what)
            {
                if (!ok) problems.Add($"{where}: {what}");
            }

            Require(IsVietnamese(doc.Text("title")), "the title is not Vietnamese text with diacritics");
            Require(IsVietnamese(doc.Text("description")), "the description is not Vietnamese text with diacritics");
            Require(doc.Text("author") == "ATTT Monitor", "the author is not 'ATTT Monitor'");
            Require(Statuses.Contains(doc.Text("status")), "the status is not stable, test or experimental");
            Require(doc.Text("date") is { } date && IsoDate().IsMatch(date), "the date is not YYYY-MM-DD");
            Require(Levels.Contains(doc.Text("level")), "the level is missing or not a Sigma level");
            var tags = doc.Texts(doc.Root, "tags") ?? [];
            Require(tags.Any(t => Tactics.Any(x => t == "attack." + x)), "no ATT&CK tactic tag in Sigma 2 form (attack.credential-access)");
            Require(tags.Any(t => TechniqueTag().IsMatch(t)), "no ATT&CK technique tag (attack.t1003.001)");
            foreach (var tag in tags.Where(t => t.StartsWith("attack.", StringComparison.Ordinal)))
                Require(TechniqueTag().IsMatch(tag) || Tactics.Any(x => tag == "attack." + x), $"tag '{tag}' is neither a Sigma 2 tactic nor a technique");
            if (!RaisesAlerts(doc)) continue;

            Require(doc.Texts(doc.Root, "falsepositives") is { Count: > 0 } fps && fps.All(IsVietnamese), "falsepositives are missing or not in Vietnamese");
            if (doc.Get("guidance") is not YamlMappingNode guidance)
            {
                problems.Add($"{where}: no 'guidance' map (why_it_matters, what_to_do)");
                continue;
            }

            Require(IsVietnamese(RuleDocument.Text(guidance, "why_it_matters")), "guidance.why_it_matters is not Vietnamese text");
            Require(doc.Texts(guidance, "what_to_do") is { Count: >= 2 } steps && steps.All(IsVietnamese), "guidance.what_to_do needs two or more Vietnamese steps");
            Require(guidance.Children.Keys.All(k => k is YamlScalarNode { Value: "why_it_matters" or "what_to_do" }), "guidance has keys other than why_it_matters and what_to_do");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The attack families of issue 22, each by the ATT&amp;CK techniques that stand for it.</summary>
    [Theory]
    [InlineData("ransomware and shadow-copy deletion", "attack.t1490", "attack.t1486")]
    [InlineData("Defender tampering and exclusions", "attack.t1562.001")]
    [InlineData("log clearing", "attack.t1070.001")]
    [InlineData("credential dumping", "attack.t1003.001", "attack.t1003.002")]
    [InlineData("brute force over RDP and SMB", "attack.t1110.001")]
    [InlineData("password spraying", "attack.t1110.003")]
    [InlineData("new local accounts", "attack.t1136.001")]
    [InlineData("new local administrators", "attack.t1098")]
    [InlineData("suspicious or encoded PowerShell", "attack.t1059.001", "attack.t1027")]
    [InlineData("Office or a browser spawning a shell", "attack.t1566.001", "attack.t1189")]
    [InlineData("persistence through services", "attack.t1543.003")]
    [InlineData("persistence through scheduled tasks", "attack.t1053.005")]
    [InlineData("persistence through Run keys", "attack.t1547.001")]
    [InlineData("USB and autorun", "attack.t1091")]
    [InlineData("remote-access tools", "attack.t1219")]
    [InlineData("lateral movement with PsExec", "attack.t1569.002", "attack.t1021.002")]
    [InlineData("lateral movement with WMI", "attack.t1047")]
    public void The_pack_covers_the_attack_family(string family, params string[] techniques)
    {
        var set = ProductRuleFiles.Rules;
        var alerting = set.Rules.Where(r => r.GeneratesAlerts).Concat(set.Correlations.Where(c => c.GeneratesAlerts)).ToList();
        foreach (var technique in techniques)
            Assert.True(alerting.Any(r => r.Tags.Contains(technique)), $"no alerting rule for {family} is tagged {technique}");
    }

    private static bool RaisesAlerts(RuleDocument doc)
    {
        var set = ProductRuleFiles.Rules;
        return set.Rules.Concat(set.Correlations).Any(r => r.Id == doc.Id && r.GeneratesAlerts);
    }

    private static bool IsVietnamese(string? text) => !string.IsNullOrWhiteSpace(text) && VietnameseLetter().IsMatch(text);
}

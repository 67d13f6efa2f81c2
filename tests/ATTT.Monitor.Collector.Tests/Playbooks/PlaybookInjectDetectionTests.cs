using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

/// <summary>
/// Every shipped playbook's injects are caught by the rules it expects: the product's own rules in
/// rules/ and the SigmaHQ rules of ../shared, with the product's logsource mapping, evaluated by the
/// product's Sigma engine and its correlation engine (a burst of failed logons is a correlation).
/// The injects are stamped at their <c>after</c> offsets, as a drill sends them. A drill whose inject
/// no rule catches would only ever measure a failure of the playbook itself.
/// </summary>
public sealed class PlaybookInjectDetectionTests
{
    public static TheoryData<string> PlaybookIds() =>
        new(PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(PlaybookIds))]
    public void The_expected_rules_fire_on_the_injects(string playbookId)
    {
        if (RepositoryPaths.Shared is null)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        var playbook = PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Single(p => p.Id == playbookId);
        var expected = playbook.Drill!.ExpectedDetections;
        Assert.All(expected, id => Assert.True(RuleIndex.Value.ContainsKey(id), $"no rule in rules/ or ../shared/sigma/rules has id {id}"));
        var files = expected.Select(id => RuleIndex.Value[id]).Distinct(StringComparer.Ordinal).ToList();
        var mapping = Path.Combine(RepositoryPaths.Root, "rules", "logsource-mapping.yml");
        var rules = SigmaRuleSet.Load(files, new SigmaLoadOptions { MappingPath = File.Exists(mapping) ? mapping : null });
        Assert.Empty(rules.Diagnostics);
        var engine = rules.CreateEngine();
        var correlations = rules.CreateCorrelationEngine();

        var start = TestClock.DefaultStart;
        var fired = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recordId = 0L;
        foreach (var inject in playbook.Drill.Injects.OrderBy(i => i.After))
        {
            foreach (var detection in engine.Evaluate(inject.ToEvent(start + inject.After, ++recordId)))
            {
                fired.Add(detection.Rule.Id);
                fired.UnionWith(correlations.Process(detection).Select(c => c.Rule.Id));
            }
        }

        Assert.All(expected, id => Assert.Contains(id, fired));
    }

    // Rule id -> file, over the product's rules and SigmaHQ's. A file may hold several rules (a rule
    // and its correlation, one per YAML document): each document's own id is a top-level "id:" line
    // (related ids are indented).
    private static readonly Lazy<Dictionary<string, string>> RuleIndex = new(() =>
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var folders = new[] { Path.Combine(RepositoryPaths.Root, "rules", "windows"), Path.Combine(RepositoryPaths.Shared!, "sigma", "rules") };
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.yml", SearchOption.AllDirectories)))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("id: ", StringComparison.Ordinal)))
                index.TryAdd(line[4..].Trim(), file);
        }

        return index;
    });
}

using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

/// <summary>
/// Every shipped playbook's injects are caught by the rules it expects: the SigmaHQ rules of
/// ../shared with the product's logsource mapping, evaluated by the product's Sigma engine. A
/// drill whose inject no rule catches would only ever measure a failure of the playbook itself.
/// </summary>
public sealed class PlaybookInjectDetectionTests
{
    public static TheoryData<string> PlaybookIds() =>
        new(PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(PlaybookIds))]
    public void The_expected_rules_fire_on_the_injects(string playbookId)
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        var playbook = PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Single(p => p.Id == playbookId);
        var expected = playbook.Drill!.ExpectedDetections;
        var files = RuleFiles(Path.Combine(shared, "sigma", "rules"), expected);
        Assert.Equal(expected.Count, files.Count);
        var mapping = Path.Combine(RepositoryPaths.Root, "rules", "logsource-mapping.yml");
        var rules = SigmaRuleSet.Load(files, new SigmaLoadOptions { MappingPath = File.Exists(mapping) ? mapping : null });
        Assert.Empty(rules.Diagnostics);
        var engine = rules.CreateEngine();

        var fired = playbook.Drill.Injects
            .SelectMany(i => engine.Evaluate(i.ToEvent(TestClock.DefaultStart, 1)))
            .Select(d => d.Rule.Id)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(expected, id => Assert.Contains(id, fired));
    }

    private static readonly Lazy<Dictionary<string, string>> RuleIndex = new(() =>
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var folder = Path.Combine(RepositoryPaths.Shared!, "sigma", "rules");
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories))
        {
            // A rule's own id is the top-level "id:" line (related ids are indented).
            if (File.ReadLines(file).FirstOrDefault(l => l.StartsWith("id: ", StringComparison.Ordinal)) is { } line)
                index.TryAdd(line[4..].Trim(), file);
        }

        return index;
    });

    private static List<string> RuleFiles(string folder, IReadOnlyList<string> ids) =>
        ids.Where(RuleIndex.Value.ContainsKey).Select(id => RuleIndex.Value[id]).ToList();
}

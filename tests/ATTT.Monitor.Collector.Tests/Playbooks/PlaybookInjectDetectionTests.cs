using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

/// <summary>
/// Every shipped playbook's injects are caught by the rules it expects: the product's whole rule
/// pack in rules/windows (as <c>attt serve</c> loads rules/, so a correlation finds the rules it
/// counts in other files) and, for an expected rule the product does not ship, its SigmaHQ rule
/// from ../shared; with the product's logsource mapping, evaluated by the product's Sigma engine
/// and its correlation engine (a burst of failed logons is a correlation). The injects are stamped
/// at their <c>after</c> offsets, as a drill sends them. A drill whose inject no rule catches
/// would only ever measure a failure of the playbook itself.
/// </summary>
public sealed class PlaybookInjectDetectionTests
{
    public static TheoryData<string> PlaybookIds() =>
        new(PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(PlaybookIds))]
    public void The_expected_rules_fire_on_the_injects(string playbookId)
    {
        var playbook = PlaybookLoader.Load([RepositoryPaths.Playbooks]).Playbooks.Single(p => p.Id == playbookId);
        var expected = playbook.Drill!.ExpectedDetections;
        var fromSigmaHq = expected.Where(id => !ProductRuleIds.Value.Contains(id)).ToList();
        if (fromSigmaHq.Count > 0 && RepositoryPaths.Shared is null)
        {
            Assert.Skip($"../shared (SigmaHQ rules) is not laid beside the repository; the drill expects {string.Join(", ", fromSigmaHq)}.");
            return;
        }

        Assert.All(fromSigmaHq, id => Assert.True(SigmaHqRuleFiles.Value.ContainsKey(id), $"no rule in rules/windows or ../shared/sigma/rules has id {id}"));
        var paths = fromSigmaHq.Select(id => SigmaHqRuleFiles.Value[id]).Distinct(StringComparer.Ordinal).Prepend(ProductRulesFolder);
        var mapping = Path.Combine(RepositoryPaths.Root, "rules", "logsource-mapping.yml");
        var rules = SigmaRuleSet.Load(paths, new SigmaLoadOptions { MappingPath = File.Exists(mapping) ? mapping : null });
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

    private static string ProductRulesFolder => Path.Combine(RepositoryPaths.Root, "rules", "windows");

    private static readonly Lazy<HashSet<string>> ProductRuleIds = new(() =>
        new HashSet<string>(IdsByFile(ProductRulesFolder).Select(r => r.Id), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<Dictionary<string, string>> SigmaHqRuleFiles = new(() =>
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, file) in IdsByFile(Path.Combine(RepositoryPaths.Shared!, "sigma", "rules")))
            index.TryAdd(id, file);
        return index;
    });

    // A file may hold several rules (a rule and its correlation, one per YAML document): each
    // document's own id is a top-level "id:" line (related ids are indented).
    private static IEnumerable<(string Id, string File)> IdsByFile(string folder) =>
        from file in Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories)
        from line in File.ReadLines(file)
        where line.StartsWith("id: ", StringComparison.Ordinal)
        select (line[4..].Trim(), file);
}

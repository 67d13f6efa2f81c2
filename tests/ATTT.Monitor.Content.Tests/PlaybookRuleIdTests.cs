using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests;

/// <summary>
/// Every rule id a playbook names - the rules it answers (<c>answers.rules</c>) and the rules its
/// drill expects (<c>drill.expect.detections</c>) - is a rule the product ships in rules/windows or
/// a SigmaHQ rule in ../shared/sigma. A mistyped id would silently never match an incident.
/// </summary>
public sealed class PlaybookRuleIdTests
{
    private static readonly Lazy<SigmaRuleIndex> ProductRules = new(() => SigmaRuleIndex.Load([ContentPaths.ProductRules]));

    public static TheoryData<string> Playbooks() =>
        new(Directory.EnumerateFiles(ContentPaths.Playbooks, "*.yml").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Playbooks))]
    public void Every_rule_id_the_playbook_names_exists(string file)
    {
        var ids = NamedRuleIds(Path.Combine(ContentPaths.Playbooks, file));
        var notProduct = ids.Where(id => ProductRules.Value.Find(id) is null).ToList();
        if (notProduct.Count > 0 && SharedSigma.AllRules is not { } sigmaHq)
        {
            Assert.Skip($"{SharedSigma.Missing} ({file} names {string.Join(", ", notProduct)})");
            return;
        }

        var unknown = notProduct.Where(id => SharedSigma.AllRules!.Find(id) is null).ToList();
        Assert.True(unknown.Count == 0, $"{file}: no rule in rules/windows or ../shared/sigma has id {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_drill_expects_at_least_one_product_rule_except_the_personal_data_drill()
    {
        // The product ships no rule for copying data to the cloud: that drill's rclone inject needs
        // the SigmaHQ pack (docs/playbooks.md says so).
        var withoutProductRule = Directory.EnumerateFiles(ContentPaths.Playbooks, "*.yml").Order(StringComparer.Ordinal)
            .Where(f => !ExpectedDetections(f).Any(id => ProductRules.Value.Find(id) is not null))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Equal(["lo-lot-du-lieu-ca-nhan.yml"], withoutProductRule);
    }

    private static List<string> NamedRuleIds(string file) =>
        [.. Strings(Root(file), "answers", "rules").Concat(ExpectedDetections(file)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static IEnumerable<string> ExpectedDetections(string file) => Strings(Root(file), "drill", "expect", "detections");

    private static YamlMappingNode Root(string file)
    {
        var problems = new List<ContentProblem>();
        var root = YamlContentFile.LoadRoot(file, problems);
        Assert.True(root is not null, string.Join(Environment.NewLine, problems));
        return root!;
    }

    private static IEnumerable<string> Strings(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
                return [];
            node = child;
        }

        return node is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "") : [];
    }
}

using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests;

/// <summary>
/// Every incident category has exactly one playbook in playbooks/ that answers it, so the incident
/// page never says "Chưa có kịch bản ứng phó" and never has to choose between two.
/// (The playbook format itself is checked by the collector's validator, `attt playbooks check`.)
/// </summary>
public sealed class PlaybookCategoryTests
{
    [Theory]
    [MemberData(nameof(Categories))]
    public void The_category_has_exactly_one_playbook(string category)
    {
        var answering = PlaybookCategories().Where(p => p.Categories.Contains(category, StringComparer.Ordinal)).Select(p => p.File).ToList();
        Assert.True(answering.Count == 1, $"{category}: {answering.Count} playbooks ({string.Join(", ", answering)})");
    }

    [Fact]
    public void Playbooks_answer_only_known_categories() =>
        Assert.All(PlaybookCategories(), p => Assert.All(p.Categories, c => Assert.Contains(c, IncidentCategories.All)));

    public static TheoryData<string> Categories() => new(IncidentCategories.All);

    private static List<(string File, List<string> Categories)> PlaybookCategories()
    {
        var result = new List<(string, List<string>)>();
        foreach (var file in Directory.EnumerateFiles(ContentPaths.Playbooks, "*.yml").Order(StringComparer.Ordinal))
        {
            var problems = new List<ContentProblem>();
            var root = YamlContentFile.LoadRoot(file, problems);
            Assert.True(root is not null, string.Join(Environment.NewLine, problems));
            var categories = root!.Children.TryGetValue(new YamlScalarNode("answers"), out var answers)
                && answers is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("categories"), out var list)
                && list is YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [];
            result.Add((Path.GetFileName(file), categories));
        }

        return result;
    }
}

using ATTT.Monitor.Content.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests;

/// <summary>
/// The rule loader reads every .yml under rules/ (except logsource-mapping.yml) as a Sigma rule, so
/// the guidance data lives in guidance/ and rules/ holds nothing but rules, correlations and filters.
/// </summary>
public sealed class GuidanceLocationTests
{
    [Fact]
    public void The_guidance_files_are_outside_rules()
    {
        Assert.True(File.Exists(ContentPaths.AttackTable), ContentPaths.AttackTable);
        Assert.True(File.Exists(ContentPaths.SigmaHqExplanations), ContentPaths.SigmaHqExplanations);
        var rules = Path.Combine(ContentPaths.Root, "rules") + Path.DirectorySeparatorChar;
        Assert.False(ContentPaths.Guidance.StartsWith(rules, StringComparison.Ordinal), ContentPaths.Guidance);
    }

    [Fact]
    public void Every_YAML_document_under_rules_is_a_rule_a_correlation_or_a_filter()
    {
        var problems = new List<string>();
        var files = Directory.EnumerateFiles(Path.Combine(ContentPaths.Root, "rules"), "*.yml", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("logsource-mapping.yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            try
            {
                using var reader = new StreamReader(file);
                stream.Load(reader);
            }
            catch (YamlException ex)
            {
                problems.Add($"{file}:{ex.Start.Line}: not valid YAML: {ex.Message}");
                continue;
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || !new[] { "detection", "correlation", "filter" }.Any(k => root.Children.ContainsKey(new YamlScalarNode(k))))
                    problems.Add($"{file}:{document.RootNode.Start.Line}: not a Sigma rule (no detection, correlation or filter); data files belong in guidance/");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}

using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// One rule document of a product rule file, read straight from its YAML: the engine does not
/// expose custom attributes such as <c>guidance</c>, which the dashboard shows to the IT officer.
/// </summary>
internal sealed class RuleDocument
{
    public required string File { get; init; }
    public required int Line { get; init; }
    public required YamlMappingNode Root { get; init; }

    public string? Id => Text(Root, "id");

    public static IEnumerable<RuleDocument> ReadAll(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file)) yaml.Load(reader);
        foreach (var doc in yaml.Documents)
        {
            if (doc.RootNode is YamlMappingNode root)
                yield return new RuleDocument { File = file, Line = (int)root.Start.Line, Root = root };
        }
    }

    public YamlNode? Get(string key) => Get(Root, key);

    public string? Text(string key) => Text(Root, key);

    /// <summary>A list of texts, or one text as a list of one; null when missing.</summary>
    public IReadOnlyList<string>? Texts(YamlMappingNode map, string key) => Get(map, key) switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? "").ToList(),
        YamlScalarNode { Value: { } v } => [v],
        _ => null,
    };

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    public static string? Text(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;
}

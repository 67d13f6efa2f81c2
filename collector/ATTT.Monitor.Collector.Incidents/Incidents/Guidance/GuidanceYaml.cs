using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Reads the mappings of a guidance file; every error names the file, line and field.</summary>
internal sealed class GuidanceYaml(string path)
{
    public YamlMappingNode Root()
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw new GuidanceFormatException($"{path}: is not a YAML mapping.");
            return root;
        }
        catch (YamlException ex)
        {
            throw new GuidanceFormatException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }
    }

    public IEnumerable<(string Key, YamlMappingNode Value)> Entries(YamlMappingNode map, string field)
    {
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(key) || v is not YamlMappingNode value)
                throw Error(k, $"{field}.{key}", "is not a mapping");
            yield return (key.Trim(), value);
        }
    }

    public YamlMappingNode? Map(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    public string Text(YamlMappingNode map, string name, string field)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        throw Error(map, $"{field}.{name}", "is missing or empty");
    }

    public string? OptionalText(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    public IReadOnlyList<string> List(YamlMappingNode map, string name, string field)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(name), out var node))
            return [];
        if (node is not YamlSequenceNode sequence)
            throw Error(node, $"{field}.{name}", "is not a list");
        return sequence.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? throw Error(c, $"{field}.{name}", "holds an item that is not text"))
            .Where(s => s.Length > 0).ToList();
    }

    public GuidanceFormatException Error(YamlNode node, string field, string problem) =>
        new($"{path}:{node.Start.Line}: {field}: {problem}.");
}

using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>Typed reads from a case file's YAML nodes; every failure names the file and line.</summary>
internal sealed class CaseYaml(string path)
{
    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    public void CheckKeys(YamlMappingNode map, IReadOnlySet<string> allowed, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
                throw Error(key, $"{what} has an unknown key '{name}'; expected one of {string.Join(", ", allowed)}");
        }
    }

    public YamlMappingNode Map(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a map");

    public IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"'{what}' must be a list");

    public string? Text(YamlMappingNode map, string key) => Get(map, key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw Error(other, $"'{key}' must be a text value"),
    };

    public string RequiredText(YamlMappingNode map, string key) =>
        Text(map, key) is { Length: > 0 } s ? s : throw Error(map, $"'{key}' is missing");

    public int Int(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw Error(node, $"'{what}' must be a whole number");

    public CaseFormatException Error(YamlNode node, string message) => new(path, (int)node.Start.Line, message);
}

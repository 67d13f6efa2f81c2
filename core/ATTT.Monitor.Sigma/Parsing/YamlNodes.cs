using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode s && s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return v;
        }

        return null;
    }

    public static string? String(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (IsNull(node)) return null;
        return node is YamlScalarNode s
            ? s.Value
            : throw SigmaRuleException.Invalid($"'{key}' must be a text value (line {node!.Start.Line})");
    }

    public static IReadOnlyList<string> StringList(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (IsNull(node)) return [];
        if (node is YamlScalarNode s) return [s.Value ?? ""];
        if (node is YamlSequenceNode seq)
            return seq.Children.Select(c => c is YamlScalarNode cs ? cs.Value ?? "" : c.ToString()).ToList();
        throw SigmaRuleException.Invalid($"'{key}' must be a list (line {node!.Start.Line})");
    }

    public static string? ScalarValue(YamlNode node) =>
        IsNull(node) ? null : node is YamlScalarNode s ? s.Value : null;

    /// <summary>Deep merge for rule collections: values of <paramref name="overlay"/> win.</summary>
    public static YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode overlay)
    {
        var result = new YamlMappingNode();
        foreach (var (k, v) in baseMap.Children) result.Children[k] = v;
        foreach (var (k, v) in overlay.Children)
        {
            if (result.Children.TryGetValue(k, out var existing) && existing is YamlMappingNode em && v is YamlMappingNode vm)
                result.Children[k] = Merge(em, vm);
            else
                result.Children[k] = v;
        }

        return result;
    }
}

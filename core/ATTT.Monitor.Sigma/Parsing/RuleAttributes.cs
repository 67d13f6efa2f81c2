using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// The top-level attributes a rule carries beyond the Sigma specification's own (the product's
/// <c>guidance:</c> map, a vendor's fields), as plain .NET values: a string (or null) for a
/// scalar, a list for a sequence, a map for a mapping. Sigma allows them and they are never an error.
/// </summary>
internal static class RuleAttributes
{
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>(StringComparer.Ordinal);

    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "title", "id", "name", "related", "taxonomy", "status", "description", "license", "author", "references",
        "date", "modified", "logsource", "detection", "fields", "falsepositives", "level", "tags", "scope",
        "correlation", "filter", "generate", "action",
    };

    public static IReadOnlyDictionary<string, object?> Custom(YamlMappingNode root)
    {
        Dictionary<string, object?>? custom = null;
        foreach (var (k, v) in root.Children)
        {
            if (k is not YamlScalarNode { Value: { } key } || Standard.Contains(key)) continue;
            custom ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            custom[key] = Plain(v, 0);
        }

        return custom ?? None;
    }

    private static object? Plain(YamlNode node, int depth)
    {
        // YAML aliases can make a deep or cyclic-looking tree; custom attributes are shallow.
        if (depth > 32) throw SigmaRuleException.Invalid($"a custom attribute nests more than 32 levels (line {node.Start.Line})");
        return node switch
        {
            YamlScalarNode s => YamlNodes.IsNull(s) ? null : s.Value,
            YamlSequenceNode seq => seq.Children.Select(c => Plain(c, depth + 1)).ToList(),
            YamlMappingNode map => PlainMap(map, depth),
            _ => null,
        };
    }

    private static Dictionary<string, object?> PlainMap(YamlMappingNode map, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
            result[(k as YamlScalarNode)?.Value ?? k.ToString()] = Plain(v, depth + 1);
        return result;
    }
}

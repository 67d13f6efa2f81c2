using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Reads <c>related:</c>: a list of maps, each with the other rule's <c>id</c> and a <c>type</c>.</summary>
internal static class RelatedParser
{
    public static IReadOnlyList<SigmaRelatedRule> Parse(YamlMappingNode root)
    {
        var node = YamlNodes.Get(root, "related");
        if (YamlNodes.IsNull(node))
            return [];
        if (node is not YamlSequenceNode list)
            throw SigmaRuleException.Invalid($"'related' must be a list of maps with 'id' and 'type' (line {node!.Start.Line})");
        var related = new List<SigmaRelatedRule>(list.Children.Count);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry || YamlNodes.String(entry, "id") is not { Length: > 0 } id)
                throw SigmaRuleException.Invalid($"each 'related' entry needs an 'id' (line {item.Start.Line})");
            related.Add(new SigmaRelatedRule(id.Trim(), YamlNodes.String(entry, "type")?.Trim().ToLowerInvariant()));
        }

        return related;
    }
}

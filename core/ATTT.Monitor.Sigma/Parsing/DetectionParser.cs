using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Parses the search identifiers and condition(s) of a detection (or filter) section.</summary>
internal static class DetectionParser
{
    public static (Dictionary<string, SearchDefinition> Searches, ConditionExpr Condition) Parse(YamlMappingNode section, string what)
    {
        var searches = new Dictionary<string, SearchDefinition>(StringComparer.Ordinal);
        YamlNode? conditionNode = null;
        foreach (var (k, v) in section.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? throw SigmaRuleException.Invalid($"{what} has a key that is not text (line {k.Start.Line})");
            switch (name)
            {
                case "condition": conditionNode = v; break;
                case "timeframe": throw SigmaRuleException.Unsupported("'timeframe' belongs to the deprecated aggregation syntax; use a correlation rule");
                case "rules": break; // filters: handled by the filter parser
                default: searches[name] = ParseSearch(name, v); break;
            }
        }

        if (conditionNode is null || YamlNodes.IsNull(conditionNode))
            throw SigmaRuleException.Invalid($"{what} has no condition");

        var conditions = conditionNode switch
        {
            YamlScalarNode s => [s.Value ?? ""],
            YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value
                ?? throw SigmaRuleException.Invalid($"condition list item is not text (line {c.Start.Line})")).ToList(),
            _ => throw SigmaRuleException.Invalid($"condition must be text (line {conditionNode.Start.Line})"),
        };
        if (conditions.Count == 0) throw SigmaRuleException.Invalid($"{what} has an empty condition list");

        // A list of conditions is the deprecated spelling of their OR.
        ConditionExpr? condition = null;
        foreach (var text in conditions)
        {
            var parsed = ConditionParser.Parse(text);
            condition = condition is null ? parsed : new OrExpr(condition, parsed);
        }

        CheckReferences(condition!, searches);
        return (searches, condition!);
    }

    private static SearchDefinition ParseSearch(string name, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return new SearchDefinition([ParseMap(name, map)]);
            case YamlSequenceNode seq:
                var alternatives = new List<IReadOnlyList<FieldItem>>();
                var keywords = new List<string?>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlMappingNode m) alternatives.Add(ParseMap(name, m));
                    else if (item is YamlScalarNode) keywords.Add(YamlNodes.ScalarValue(item));
                    else throw SigmaRuleException.Invalid($"'{name}' has a nested list (line {item.Start.Line})");
                }

                if (keywords.Count > 0) alternatives.Add([new FieldItem(null, [], keywords, node.Start.Line)]);
                if (alternatives.Count == 0) throw SigmaRuleException.Invalid($"'{name}' is an empty list (line {node.Start.Line})");
                return new SearchDefinition(alternatives);
            case YamlScalarNode:
                return new SearchDefinition([[new FieldItem(null, [], [YamlNodes.ScalarValue(node)], node.Start.Line)]]);
            default:
                throw SigmaRuleException.Invalid($"'{name}' is not a map, list or value (line {node.Start.Line})");
        }
    }

    private static List<FieldItem> ParseMap(string name, YamlMappingNode map)
    {
        var items = new List<FieldItem>();
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? throw SigmaRuleException.Invalid($"'{name}' has a key that is not text (line {k.Start.Line})");
            var parts = key.Split('|');
            var field = parts[0].Length == 0 ? null : parts[0];
            var modifiers = parts.Skip(1).ToList();
            if (modifiers.Any(m => m.Length == 0))
                throw SigmaRuleException.Invalid($"'{key}' has an empty modifier (line {k.Start.Line})");
            var values = v switch
            {
                YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode
                    ? YamlNodes.ScalarValue(c)
                    : throw SigmaRuleException.Invalid($"'{key}' has a value that is not plain (line {c.Start.Line})")).ToList(),
                YamlScalarNode => [YamlNodes.ScalarValue(v)],
                _ => throw SigmaRuleException.Invalid($"'{key}' has a map as value (line {v.Start.Line})"),
            };
            if (values.Count == 0)
                throw SigmaRuleException.Invalid($"'{key}' has an empty list of values (line {v.Start.Line})");
            items.Add(new FieldItem(field, modifiers, values, k.Start.Line));
        }

        return items;
    }

    private static void CheckReferences(ConditionExpr expr, Dictionary<string, SearchDefinition> searches)
    {
        switch (expr)
        {
            case AndExpr a: CheckReferences(a.Left, searches); CheckReferences(a.Right, searches); break;
            case OrExpr o: CheckReferences(o.Left, searches); CheckReferences(o.Right, searches); break;
            case NotExpr n: CheckReferences(n.Inner, searches); break;
            case IdentifierExpr id when !searches.ContainsKey(id.Name):
                throw SigmaRuleException.Invalid($"the condition names '{id.Name}', which the detection does not define");
            case OfExpr of when of.Pattern != "them" && !searches.Keys.Any(k => ConditionParser.PatternMatches(of.Pattern, k)):
                throw SigmaRuleException.Invalid($"the condition pattern '{of.Pattern}' matches no search identifier");
            default: break;
        }
    }
}

using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Turns one YAML document into a <see cref="ParsedRule"/>, <see cref="ParsedFilter"/> or <see cref="ParsedCorrelation"/>.</summary>
internal static class RuleParser
{
    public static object Parse(RuleDocument doc)
    {
        var root = doc.Root;
        if (YamlNodes.Get(root, "correlation") is { } corr)
            return CorrelationParser.Parse(ParseInfo(doc, isCorrelation: true), corr, root);
        var info = ParseInfo(doc, isCorrelation: false);
        if (YamlNodes.Get(root, "filter") is { } filter)
            return ParseFilter(info, filter, root);

        if (YamlNodes.Get(root, "detection") is not YamlMappingNode detection)
            throw SigmaRuleException.Invalid("the rule has no 'detection' map");
        if (YamlNodes.Get(root, "logsource") is not YamlMappingNode)
            throw SigmaRuleException.Invalid("the rule has no 'logsource' map");
        var (searches, condition) = DetectionParser.Parse(detection, "the detection");
        return new ParsedRule(info, searches, condition);
    }

    private static SigmaRuleInfo ParseInfo(RuleDocument doc, bool isCorrelation)
    {
        var root = doc.Root;
        var title = YamlNodes.String(root, "title");
        if (string.IsNullOrWhiteSpace(title)) throw SigmaRuleException.Invalid("the rule has no title");
        var levelText = YamlNodes.String(root, "level");
        var level = levelText?.ToLowerInvariant() switch
        {
            null => SigmaLevel.Medium,
            "informational" => SigmaLevel.Informational,
            "low" => SigmaLevel.Low,
            "medium" => SigmaLevel.Medium,
            "high" => SigmaLevel.High,
            "critical" => SigmaLevel.Critical,
            _ => throw SigmaRuleException.Invalid($"level '{levelText}' is not one of informational, low, medium, high, critical"),
        };
        SigmaLogsource logsource = new(null, null, null);
        if (YamlNodes.Get(root, "logsource") is YamlMappingNode ls)
            logsource = new SigmaLogsource(Lower(YamlNodes.String(ls, "product")), Lower(YamlNodes.String(ls, "category")), Lower(YamlNodes.String(ls, "service")));

        return new SigmaRuleInfo
        {
            Id = YamlNodes.String(root, "id") ?? $"{doc.Path}#{doc.Document}",
            Title = title,
            Name = YamlNodes.String(root, "name"),
            Description = YamlNodes.String(root, "description"),
            Status = Lower(YamlNodes.String(root, "status")),
            Level = level,
            Author = YamlNodes.String(root, "author"),
            Date = YamlNodes.String(root, "date"),
            Modified = YamlNodes.String(root, "modified"),
            Tags = YamlNodes.StringList(root, "tags"),
            References = YamlNodes.StringList(root, "references"),
            FalsePositives = YamlNodes.StringList(root, "falsepositives"),
            Related = RelatedParser.Parse(root),
            Logsource = logsource,
            Path = doc.Path,
            Document = doc.Document,
            IsCorrelation = isCorrelation,
            CustomAttributes = RuleAttributes.Custom(root),
        };
    }

    private static string? Lower(string? s) => s?.Trim().ToLowerInvariant();

    private static ParsedFilter ParseFilter(SigmaRuleInfo info, YamlNode node, YamlMappingNode root)
    {
        if (node is not YamlMappingNode map) throw SigmaRuleException.Invalid("'filter' must be a map");
        if (YamlNodes.Get(root, "logsource") is not YamlMappingNode)
            throw SigmaRuleException.Invalid("the filter has no 'logsource' map (it selects the rules the filter applies to)");
        var rules = YamlNodes.StringList(map, "rules");
        if (YamlNodes.Get(map, "rules") is null)
            throw SigmaRuleException.Invalid("the filter has no 'filter.rules' (rule ids or names, or 'any')");
        var any = rules.Count == 0 || (rules.Count == 1 && string.Equals(rules[0], "any", StringComparison.OrdinalIgnoreCase));
        var (searches, condition) = DetectionParser.Parse(map, "the filter");
        return new ParsedFilter(info, any ? [] : rules, any, searches, condition);
    }
}

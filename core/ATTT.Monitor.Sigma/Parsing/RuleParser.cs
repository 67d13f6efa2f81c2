using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Turns one YAML document into a <see cref="ParsedRule"/>, <see cref="ParsedFilter"/> or <see cref="ParsedCorrelation"/>.</summary>
internal static class RuleParser
{
    public static object Parse(RuleDocument doc)
    {
        var root = doc.Root;
        if (YamlNodes.Get(root, "correlation") is { } corr)
            return ParseCorrelation(ParseInfo(doc, isCorrelation: true), corr, root);
        var info = ParseInfo(doc, isCorrelation: false);
        if (YamlNodes.Get(root, "filter") is { } filter)
            return ParseFilter(info, filter);

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
            Status = YamlNodes.String(root, "status"),
            Level = level,
            Tags = YamlNodes.StringList(root, "tags"),
            References = YamlNodes.StringList(root, "references"),
            FalsePositives = YamlNodes.StringList(root, "falsepositives"),
            Logsource = logsource,
            Path = doc.Path,
            Document = doc.Document,
            IsCorrelation = isCorrelation,
        };
    }

    private static string? Lower(string? s) => s?.Trim().ToLowerInvariant();

    private static ParsedFilter ParseFilter(SigmaRuleInfo info, YamlNode node)
    {
        if (node is not YamlMappingNode map) throw SigmaRuleException.Invalid("'filter' must be a map");
        var rules = YamlNodes.StringList(map, "rules");
        if (rules.Count == 0) throw SigmaRuleException.Invalid("the filter names no rules in 'filter.rules'");
        var (searches, condition) = DetectionParser.Parse(map, "the filter");
        return new ParsedFilter(info, rules, searches, condition);
    }

    private static ParsedCorrelation ParseCorrelation(SigmaRuleInfo info, YamlNode node, YamlMappingNode root)
    {
        if (node is not YamlMappingNode map) throw SigmaRuleException.Invalid("'correlation' must be a map");
        var typeText = YamlNodes.String(map, "type");
        var type = typeText switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            null => throw SigmaRuleException.Invalid("the correlation has no 'type'"),
            _ => throw SigmaRuleException.Unsupported($"correlation type '{typeText}' is not one of event_count, value_count, temporal, temporal_ordered"),
        };
        var rules = YamlNodes.StringList(map, "rules");
        if (rules.Count == 0) throw SigmaRuleException.Invalid("the correlation names no rules");
        var timespanText = YamlNodes.String(map, "timespan") ?? YamlNodes.String(map, "timeframe")
            ?? throw SigmaRuleException.Invalid("the correlation has no 'timespan'");
        var timespan = ParseTimespan(timespanText);

        var condition = new Dictionary<string, long>(StringComparer.Ordinal);
        string? field = null;
        if (YamlNodes.Get(map, "condition") is YamlMappingNode cond)
        {
            foreach (var (k, v) in cond.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                var value = YamlNodes.ScalarValue(v);
                if (key == "field") { field = value; continue; }
                if (key is not ("gt" or "gte" or "lt" or "lte" or "eq" or "neq"))
                    throw SigmaRuleException.Invalid($"correlation condition '{key}' is not one of gt, gte, lt, lte, eq, neq, field");
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    throw SigmaRuleException.Invalid($"correlation condition '{key}: {value}' is not a whole number");
                condition[key] = n;
            }
        }
        else if (type is CorrelationType.EventCount or CorrelationType.ValueCount)
        {
            throw SigmaRuleException.Invalid("the correlation has no 'condition' map");
        }

        if (type == CorrelationType.ValueCount && field is null)
            throw SigmaRuleException.Invalid("a value_count correlation needs 'condition.field'");
        if (condition.ContainsKey("lt") || condition.ContainsKey("lte") || condition.ContainsKey("neq"))
            throw SigmaRuleException.Unsupported("correlation conditions lt, lte and neq need the end of a window to be known; only gt, gte and eq are evaluated on a stream");

        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (YamlNodes.Get(map, "aliases") is YamlMappingNode al)
        {
            foreach (var (k, v) in al.Children)
            {
                if (v is not YamlMappingNode perRule) throw SigmaRuleException.Invalid($"alias '{k}' must map rule names to fields");
                aliases[((YamlScalarNode)k).Value!] = perRule.Children.ToDictionary(
                    p => ((YamlScalarNode)p.Key).Value!, p => YamlNodes.ScalarValue(p.Value) ?? "", StringComparer.Ordinal);
            }
        }

        var generateText = YamlNodes.String(map, "generate") ?? YamlNodes.String(root, "generate");
        return new ParsedCorrelation(info, type, rules, YamlNodes.StringList(map, "group-by"), timespan, condition, field,
            string.Equals(generateText, "true", StringComparison.OrdinalIgnoreCase), aliases);
    }

    internal static TimeSpan ParseTimespan(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
                case 'w': return TimeSpan.FromDays(7 * n);
                default: break;
            }
        }

        throw SigmaRuleException.Invalid($"timespan '{text}' is not a number followed by s, m, h or d");
    }
}

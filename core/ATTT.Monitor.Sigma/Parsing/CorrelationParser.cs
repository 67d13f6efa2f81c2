using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>The <c>correlation</c> section of a correlation rule (Sigma 2.1: seven types, six comparisons).</summary>
internal static class CorrelationParser
{
    public static ParsedCorrelation Parse(SigmaRuleInfo info, YamlNode node, YamlMappingNode root)
    {
        if (node is not YamlMappingNode map) throw SigmaRuleException.Invalid("'correlation' must be a map");
        var typeText = YamlNodes.String(map, "type");
        var type = typeText switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            "value_sum" => CorrelationType.ValueSum,
            "value_avg" => CorrelationType.ValueAvg,
            "value_percentile" => CorrelationType.ValuePercentile,
            null => throw SigmaRuleException.Invalid("the correlation has no 'type'"),
            _ => throw SigmaRuleException.Unsupported(
                $"correlation type '{typeText}' is not one of Sigma 2.1's event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile"),
        };
        var rules = YamlNodes.StringList(map, "rules");
        if (rules.Count == 0) throw SigmaRuleException.Invalid("the correlation names no rules");
        var timespanText = YamlNodes.String(map, "timespan") ?? YamlNodes.String(map, "timeframe")
            ?? throw SigmaRuleException.Invalid("the correlation has no 'timespan'");
        var timespan = ParseTimespan(timespanText);
        var (condition, fields, percentile) = ParseCondition(map, type);
        if (type is CorrelationType.Temporal or CorrelationType.TemporalOrdered && fields.Count > 0)
            throw SigmaRuleException.Invalid("a temporal correlation counts the rules seen; its condition cannot name a 'field'");
        if (type is not (CorrelationType.Temporal or CorrelationType.TemporalOrdered or CorrelationType.EventCount) && fields.Count == 0)
            throw SigmaRuleException.Invalid($"a {typeText} correlation needs 'condition.field'");
        if (type is CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile && fields.Count > 1)
            throw SigmaRuleException.Invalid($"a {typeText} correlation aggregates one numeric field; 'condition.field' names {fields.Count}");
        if (percentile is not null && type != CorrelationType.ValuePercentile)
            throw SigmaRuleException.Invalid("'condition.percentile' belongs to value_percentile correlations only");

        var generateText = YamlNodes.String(map, "generate") ?? YamlNodes.String(root, "generate");
        return new ParsedCorrelation(info, type, rules, YamlNodes.StringList(map, "group-by"), timespan, condition, fields, percentile,
            string.Equals(generateText, "true", StringComparison.OrdinalIgnoreCase), ParseAliases(map));
    }

    private static (List<CorrelationComparison> Condition, IReadOnlyList<string> Fields, int? Percentile) ParseCondition(YamlMappingNode map, CorrelationType type)
    {
        var condition = new List<CorrelationComparison>();
        IReadOnlyList<string> fields = [];
        int? percentile = null;
        switch (YamlNodes.Get(map, "condition"))
        {
            case YamlMappingNode cond:
                foreach (var (k, v) in cond.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? throw SigmaRuleException.Invalid($"a correlation condition key is not text (line {k.Start.Line})");
                    if (key == "field") { fields = YamlNodes.StringList(cond, "field"); continue; }
                    var value = YamlNodes.ScalarValue(v);
                    if (key == "percentile")
                    {
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 100)
                            throw SigmaRuleException.Invalid($"correlation condition 'percentile: {value}' is not a whole number from 0 to 100");
                        percentile = p;
                        continue;
                    }

                    if (!CorrelationComparison.TryParseOperator(key, out var op))
                        throw SigmaRuleException.Invalid($"correlation condition '{key}' is not one of gt, gte, lt, lte, eq, neq, field, percentile");
                    condition.Add(new CorrelationComparison(op, Threshold(key, value, type)));
                }

                break;
            case YamlScalarNode s when !YamlNodes.IsNull(s):
                throw SigmaRuleException.Unsupported(
                    "a correlation condition written as an expression is a pySigma extension, not Sigma 2.1; write a map such as { gte: 2 }");
            case null or YamlScalarNode:
                if (type is not (CorrelationType.Temporal or CorrelationType.TemporalOrdered))
                    throw SigmaRuleException.Invalid("the correlation has no 'condition' map");
                break;
            default:
                throw SigmaRuleException.Invalid("the correlation's 'condition' must be a map");
        }

        if (condition.Count == 0 && type is not (CorrelationType.Temporal or CorrelationType.TemporalOrdered))
            throw SigmaRuleException.Invalid("the correlation condition has no comparison (gt, gte, lt, lte, eq or neq)");
        return (condition, fields, percentile);
    }

    private static double Threshold(string key, string? value, CorrelationType type)
    {
        // Counts are whole numbers; the metric correlations compare sums, averages and percentiles.
        var metric = type is CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;
        if (metric)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
            throw SigmaRuleException.Invalid($"correlation condition '{key}: {value}' is not a number");
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw SigmaRuleException.Invalid($"correlation condition '{key}: {value}' is not a whole number");
        return n;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ParseAliases(YamlMappingNode map)
    {
        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        switch (YamlNodes.Get(map, "aliases"))
        {
            case YamlMappingNode al:
                foreach (var (k, v) in al.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? throw SigmaRuleException.Invalid($"an alias name is not text (line {k.Start.Line})");
                    if (v is not YamlMappingNode perRule) throw SigmaRuleException.Invalid($"alias '{name}' must map rule names to fields (line {v.Start.Line})");
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (rk, rv) in perRule.Children)
                    {
                        var rule = (rk as YamlScalarNode)?.Value ?? throw SigmaRuleException.Invalid($"alias '{name}' has a rule name that is not text (line {rk.Start.Line})");
                        fields[rule] = YamlNodes.ScalarValue(rv) ?? throw SigmaRuleException.Invalid($"alias '{name}' gives rule '{rule}' no field (line {rv.Start.Line})");
                    }

                    aliases[name] = fields;
                }

                break;
            case null:
                break;
            case var other when YamlNodes.IsNull(other):
                break;
            case var other:
                throw SigmaRuleException.Invalid($"'aliases' must be a map (line {other.Start.Line})");
        }

        return aliases;
    }

    internal static TimeSpan ParseTimespan(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            && n <= 36_500)
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

        throw SigmaRuleException.Invalid($"timespan '{text}' is not a number (1 to 36500) followed by s, m, h, d or w");
    }
}

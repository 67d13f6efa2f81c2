using ATTT.Monitor.Sigma.Correlation;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>Correlation definitions in the cache, their rules as indexes into the cached rule table.</summary>
internal static class CorrelationCodec
{
    public static void Write(CacheWriter w, CorrelationDefinition d, Func<SigmaRuleInfo, int> indexOf)
    {
        w.Count(indexOf(d.Info));
        w.Byte((byte)d.Type);
        w.Count(d.Rules.Count);
        foreach (var r in d.Rules) w.Count(indexOf(r));
        w.Strings([.. d.GroupBy]);
        w.Long(d.Timespan.Ticks);
        Comparisons(w, d.Condition);
        w.Strings([.. d.ValueFields]);
        w.Bool(d.Percentile is not null);
        w.Count(d.Percentile ?? 0);
        w.Count(d.AliasesByRule.Count);
        foreach (var (rule, map) in d.AliasesByRule)
        {
            w.Count(indexOf(rule));
            w.Count(map.Count);
            foreach (var (alias, field) in map)
            {
                w.String(alias);
                w.String(field);
            }
        }
    }

    public static CorrelationDefinition Read(CacheReader r, IReadOnlyList<SigmaRuleInfo> infos)
    {
        var info = infos[r.Index(infos.Count)];
        var type = r.Byte() is var t && t <= (byte)CorrelationType.ValuePercentile ? (CorrelationType)t : throw new CacheFormatException($"correlation type {t}");
        var rules = new SigmaRuleInfo[r.Count()];
        for (var i = 0; i < rules.Length; i++) rules[i] = infos[r.Index(infos.Count)];
        var groupBy = r.Strings();
        var timespan = TimeSpan.FromTicks(r.Long());
        var condition = ReadComparisons(r);
        var fields = r.Strings();
        var hasPercentile = r.Bool();
        var percentile = r.Count();
        var aliases = new Dictionary<SigmaRuleInfo, IReadOnlyDictionary<string, string>>();
        for (var n = r.Count(); n > 0; n--)
        {
            var rule = infos[r.Index(infos.Count)];
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var m = r.Count(); m > 0; m--) map[r.Text()] = r.Text();
            aliases[rule] = map;
        }

        return new CorrelationDefinition(info, type, rules, groupBy, timespan, condition, fields, hasPercentile ? percentile : null, aliases);
    }

    public static void Comparisons(CacheWriter w, IReadOnlyList<CorrelationComparison> condition)
    {
        w.Count(condition.Count);
        foreach (var c in condition)
        {
            w.Byte((byte)c.Operator);
            w.Double(c.Threshold);
        }
    }

    public static List<CorrelationComparison> ReadComparisons(CacheReader r)
    {
        var list = new List<CorrelationComparison>();
        for (var n = r.Count(); n > 0; n--)
        {
            var op = r.Byte() is var o && o <= (byte)ComparisonOperator.Neq ? (ComparisonOperator)o : throw new CacheFormatException($"comparison {o}");
            list.Add(new CorrelationComparison(op, r.Double()));
        }

        return list;
    }
}

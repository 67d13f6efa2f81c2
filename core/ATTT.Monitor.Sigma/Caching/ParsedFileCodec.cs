using ATTT.Monitor.Sigma.Loading;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// A parsed rule file in the cache (its rules, filters and correlations as the parser left them,
/// and its diagnostics), so that after one file changes the others need no YAML parsing again.
/// </summary>
internal static class ParsedFileCodec
{
    private enum Expr : byte { And = 1, Or, Not, Identifier, Of }

    public static void Write(CacheWriter w, ParsedFile f)
    {
        w.Count(f.Rules.Count);
        foreach (var r in f.Rules)
        {
            InfoCodec.Write(w, r.Info, asParsed: true);
            Searches(w, r.Searches);
            Condition(w, r.Condition);
        }

        w.Count(f.Filters.Count);
        foreach (var x in f.Filters)
        {
            InfoCodec.Write(w, x.Info, asParsed: true);
            w.Strings([.. x.RuleRefs]);
            w.Bool(x.AnyRule);
            Searches(w, x.Searches);
            Condition(w, x.Condition);
        }

        w.Count(f.Correlations.Count);
        foreach (var c in f.Correlations)
        {
            InfoCodec.Write(w, c.Info, asParsed: true);
            w.Byte((byte)c.Type);
            w.Strings([.. c.RuleRefs]);
            w.Strings([.. c.GroupBy]);
            w.Long(c.Timespan.Ticks);
            CorrelationCodec.Comparisons(w, c.Condition);
            w.Strings([.. c.ValueFields]);
            w.Bool(c.Percentile is not null);
            w.Count(c.Percentile ?? 0);
            w.Bool(c.Generate);
            w.Count(c.Aliases.Count);
            foreach (var (alias, perRule) in c.Aliases)
            {
                w.String(alias);
                w.Count(perRule.Count);
                foreach (var (rule, field) in perRule)
                {
                    w.String(rule);
                    w.String(field);
                }
            }
        }

        w.Count(f.Diagnostics.Count);
        foreach (var d in f.Diagnostics) InfoCodec.Write(w, d);
    }

    /// <summary>Reads the entry of the file at <paramref name="path"/> (entries are reused only for the same path and content).</summary>
    public static ParsedFile Read(CacheReader r, string path)
    {
        var f = new ParsedFile(path);
        for (var n = r.Count(); n > 0; n--)
            f.Rules.Add(new ParsedRule(Info(r, path), ReadSearches(r), ReadCondition(r, 0)));
        for (var n = r.Count(); n > 0; n--)
            f.Filters.Add(new ParsedFilter(Info(r, path), r.Strings(), r.Bool(), ReadSearches(r), ReadCondition(r, 0)));
        for (var n = r.Count(); n > 0; n--)
        {
            var info = Info(r, path);
            var type = r.Byte() is var t && t <= (byte)CorrelationType.ValuePercentile ? (CorrelationType)t : throw new CacheFormatException($"correlation type {t}");
            var refs = r.Strings();
            var groupBy = r.Strings();
            var timespan = TimeSpan.FromTicks(r.Long());
            var condition = CorrelationCodec.ReadComparisons(r);
            var fields = r.Strings();
            var hasPercentile = r.Bool();
            var percentile = r.Count();
            var generate = r.Bool();
            var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            for (var a = r.Count(); a > 0; a--)
            {
                var alias = r.Text();
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var m = r.Count(); m > 0; m--) map[r.Text()] = r.Text();
                aliases[alias] = map;
            }

            f.Correlations.Add(new ParsedCorrelation(info, type, refs, groupBy, timespan, condition, fields, hasPercentile ? percentile : null, generate, aliases));
        }

        for (var n = r.Count(); n > 0; n--)
        {
            f.Diagnostics.Add(InfoCodec.ReadDiagnostic(r));
        }

        return f;
    }

    private static SigmaRuleInfo Info(CacheReader r, string path)
    {
        var info = InfoCodec.Read(r);
        return info.Path == path ? info : throw new CacheFormatException($"a parsed entry of {path} names {info.Path}");
    }

    private static void Searches(CacheWriter w, Dictionary<string, SearchDefinition> searches)
    {
        w.Count(searches.Count);
        foreach (var (name, search) in searches)
        {
            w.String(name);
            w.Count(search.Alternatives.Count);
            foreach (var alt in search.Alternatives)
            {
                w.Count(alt.Count);
                foreach (var item in alt)
                {
                    w.String(item.Field);
                    w.Strings([.. item.Modifiers]);
                    w.Count(item.Values.Count);
                    foreach (var v in item.Values)
                    {
                        w.Bool(v is not null);
                        if (v is not null) w.String(v);
                    }

                    w.Long(item.Line);
                }
            }
        }
    }

    private static Dictionary<string, SearchDefinition> ReadSearches(CacheReader r)
    {
        var searches = new Dictionary<string, SearchDefinition>(StringComparer.Ordinal);
        for (var n = r.Count(); n > 0; n--)
        {
            var name = r.Text();
            var alternatives = new List<IReadOnlyList<FieldItem>>();
            for (var a = r.Count(); a > 0; a--)
            {
                var items = new List<FieldItem>();
                for (var i = r.Count(); i > 0; i--)
                {
                    var field = r.String();
                    var modifiers = r.Strings();
                    var values = new List<string?>();
                    for (var v = r.Count(); v > 0; v--) values.Add(r.Bool() ? r.Text() : null);
                    items.Add(new FieldItem(field, modifiers, values, r.Long()));
                }

                alternatives.Add(items);
            }

            searches[name] = new SearchDefinition(alternatives);
        }

        return searches;
    }

    private static void Condition(CacheWriter w, ConditionExpr e)
    {
        switch (e)
        {
            case AndExpr a: w.Byte((byte)Expr.And); Condition(w, a.Left); Condition(w, a.Right); break;
            case OrExpr o: w.Byte((byte)Expr.Or); Condition(w, o.Left); Condition(w, o.Right); break;
            case NotExpr n: w.Byte((byte)Expr.Not); Condition(w, n.Inner); break;
            case IdentifierExpr id: w.Byte((byte)Expr.Identifier); w.String(id.Name); break;
            case OfExpr of: w.Byte((byte)Expr.Of); w.Bool(of.All); w.String(of.Pattern); break;
            default: throw new InvalidOperationException($"no cache encoding for {e.GetType().Name}");
        }
    }

    private static ConditionExpr ReadCondition(CacheReader r, int depth)
    {
        if (depth > 512) throw new CacheFormatException("a condition is nested too deeply");
        return (Expr)r.Byte() switch
        {
            Expr.And => new AndExpr(ReadCondition(r, depth + 1), ReadCondition(r, depth + 1)),
            Expr.Or => new OrExpr(ReadCondition(r, depth + 1), ReadCondition(r, depth + 1)),
            Expr.Not => new NotExpr(ReadCondition(r, depth + 1)),
            Expr.Identifier => new IdentifierExpr(r.Text()),
            Expr.Of => new OfExpr(r.Bool(), r.Text()),
            var other => throw new CacheFormatException($"unknown condition tag {(byte)other}"),
        };
    }
}

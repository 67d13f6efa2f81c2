namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// A plain evaluator of generated rules, the oracle of the property tests. Deliberately naive:
/// it re-reads the rule model for every event and shares no code with the engine.
/// Semantics (specification, plus the product choices written in the engine's README):
/// maps AND their items, lists OR their values (AND with <c>all</c>), a list of maps ORs the maps;
/// <c>null</c> matches a missing or empty field; <c>''</c> matches an empty field; keywords are
/// searched (as contains) in every payload value and in the provider, channel and computer names;
/// <c>them</c> excludes identifiers starting with <c>_</c>.
/// </summary>
internal static class ReferenceEvaluator
{
    public static bool Matches(GeneratedRule rule, GeneratedEvent e)
    {
        var searches = rule.Searches.ToDictionary(s => s.Name, s => Search(s, e), StringComparer.Ordinal);
        return Condition(rule.Condition, searches);
    }

    public static bool Condition(GeneratedCondition c, IReadOnlyDictionary<string, bool> searches) => c switch
    {
        RefCondition r => searches[r.Name],
        NotCondition n => !Condition(n.Inner, searches),
        AndCondition a => Condition(a.Left, searches) && Condition(a.Right, searches),
        OrCondition o => Condition(o.Left, searches) || Condition(o.Right, searches),
        OfCondition of => Of(of, searches),
        _ => throw new InvalidOperationException(c.GetType().Name),
    };

    private static bool Of(OfCondition of, IReadOnlyDictionary<string, bool> searches)
    {
        var chosen = searches.Where(kv => NameMatches(of.Pattern, kv.Key)).Select(kv => kv.Value).ToList();
        return of.All ? chosen.All(v => v) : chosen.Any(v => v);
    }

    /// <summary><c>them</c> is every identifier not starting with <c>_</c>; otherwise <c>*</c> is any run of characters.</summary>
    public static bool NameMatches(string pattern, string name) =>
        pattern == "them"
            ? !name.StartsWith('_')
            : ReferenceWildcard.Matches(pattern.Select(ch => ch == '*' ? ReferenceWildcard.AnyRun : ch).ToList(), name, cased: true);

    private static bool Search(GeneratedSearch s, GeneratedEvent e)
    {
        if (s.Keywords is { } keywords)
            return keywords.Any(k => e.AllTexts().Any(t => ReferenceValueMatcher.Matches(k, [], t, keyword: true)));
        return s.Maps.Any(map => map.All(item => Item(item, e)));
    }

    private static bool Item(GeneratedItem item, GeneratedEvent e)
    {
        // Sigma 2.1: neq negates the item (pySigma's reading).
        if (item.Has("neq")) return !Item(item with { Modifiers = item.Modifiers.Where(m => m != "neq").ToList() }, e);
        if (item.Field is null)
        {
            bool Found(string? v) => v is not null && e.AllTexts().Any(t => ReferenceValueMatcher.Matches(v, item.Modifiers, t, keyword: true));
            return item.Has("all") ? item.Values.All(Found) : item.Values.Any(Found);
        }

        var present = e.TryGet(item.Field, out var raw);
        if (item.Has("exists")) return present == bool.Parse(item.Values[0]!);
        if (item.Has("fieldref")) return FieldRef(item, present, raw ?? "", e);
        if (ReferenceTimePart.PartOf(item) is { } part) return ReferenceTimePart.Matches(item, part, present, raw);

        bool One(string? sigmaValue) =>
            sigmaValue is null
                ? !present || string.IsNullOrEmpty(raw)
                : present && ReferenceValueMatcher.Matches(sigmaValue, item.Modifiers, raw ?? "", keyword: false);
        return item.Has("all") ? item.Values.All(One) : item.Values.Any(One);
    }

    private static bool FieldRef(GeneratedItem item, bool present, string value, GeneratedEvent e)
    {
        if (!present) return false;
        var comparison = item.Has("cased") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        bool One(string? other)
        {
            if (!e.TryGet(other!, out var o)) return false;
            o ??= "";
            if (item.Has("contains")) return value.Contains(o, comparison);
            if (item.Has("startswith")) return value.StartsWith(o, comparison);
            if (item.Has("endswith")) return value.EndsWith(o, comparison);
            return string.Equals(value, o, comparison);
        }

        return item.Has("all") ? item.Values.All(One) : item.Values.Any(One);
    }
}

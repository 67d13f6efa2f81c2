using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>Keywords: the values are searched in every value of the event (System and payload).</summary>
internal sealed class KeywordNode(IReadOnlyList<StringMatcher> matchers, bool all) : MatchNode
{
    /// <summary>
    /// The field id a keyword requirement names: "some value of the event", the values
    /// <see cref="ForEachValue"/> lists. The prefilter scans them all for such a literal.
    /// </summary>
    public const int AllValuesField = -1;

    public override Requirement? Requirement
    {
        get
        {
            if (matchers.Count == 0) return null;
            if (all)
            {
                Requirement? best = null;
                foreach (var m in matchers) best = Requirement.Best(best, Requirement.Of(AllValuesField, m.RequiredLiterals));
                return best;
            }

            var literals = new List<string>();
            foreach (var m in matchers)
            {
                if (m.RequiredLiterals is not { } l) return null;
                literals.AddRange(l);
            }

            return Requirement.Of(AllValuesField, literals);
        }
    }

    /// <summary>Calls <paramref name="action"/> on every value a keyword is searched in.</summary>
    public static void ForEachValue<TState>(EventRecord record, ref TState state, ValueAction<TState> action)
    {
        var fields = record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Value is { } v) action(v, ref state);
        }

        action(record.Provider, ref state);
        action(record.Channel, ref state);
        action(record.Computer, ref state);
        if (record.UserId is { } u) action(u, ref state);
    }

    public delegate void ValueAction<TState>(string value, ref TState state);

    public override bool Matches(EvaluationContext context)
    {
        if (context.Event is not EventRecord record) return false;
        if (all)
        {
            foreach (var m in matchers)
            {
                if (!AnyValue(record, m)) return false;
            }

            return matchers.Count > 0;
        }

        foreach (var m in matchers)
        {
            if (AnyValue(record, m)) return true;
        }

        return false;
    }

    // Payload values first, then the textual System values; numbers in System are not searched,
    // which keeps the loop allocation-free (EnumerateValues formats every System field).
    // The same values as ForEachValue, the prefilter's.
    private static bool AnyValue(EventRecord record, StringMatcher matcher)
    {
        var fields = record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Value is { } v && matcher.IsMatch(v)) return true;
        }

        return matcher.IsMatch(record.Provider) || matcher.IsMatch(record.Channel) || matcher.IsMatch(record.Computer)
            || (record.UserId is { } u && matcher.IsMatch(u));
    }
}

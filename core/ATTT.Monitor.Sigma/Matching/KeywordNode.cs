using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>Keywords: the values are searched in every value of the event (System and payload).</summary>
internal sealed class KeywordNode(IReadOnlyList<StringMatcher> values, bool all) : MatchNode
{
    // An array walked by index: foreach over an IReadOnlyList allocates an enumerator per call.
    private readonly StringMatcher[] _matchers = [.. values];

    public IReadOnlyList<StringMatcher> Matchers => _matchers;
    public bool All => all;

    /// <summary>
    /// The field id a keyword requirement names: "some value of the event", the values
    /// <see cref="ForEachValue"/> lists. The prefilter scans them all for such a literal.
    /// </summary>
    public const int AllValuesField = -1;

    public override Requirement? Requirement
    {
        get
        {
            if (_matchers.Length == 0) return null;
            if (all)
            {
                Requirement? best = null;
                foreach (var m in _matchers) best = Requirement.Best(best, Requirement.Of(AllValuesField, m.RequiredLiterals));
                return best;
            }

            var literals = new List<string>();
            foreach (var m in _matchers)
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
        var matchers = _matchers;
        if (all)
        {
            for (var i = 0; i < matchers.Length; i++)
            {
                if (!AnyValue(record, matchers[i])) return false;
            }

            return matchers.Length > 0;
        }

        for (var i = 0; i < matchers.Length; i++)
        {
            if (AnyValue(record, matchers[i])) return true;
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

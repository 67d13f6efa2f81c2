using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>Keywords: the values are searched in every value of the event (System and payload).</summary>
internal sealed class KeywordNode(IReadOnlyList<StringMatcher> matchers, bool all) : MatchNode
{
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

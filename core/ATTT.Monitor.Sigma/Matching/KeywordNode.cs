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

    private static bool AnyValue(EventRecord record, StringMatcher matcher)
    {
        foreach (var v in record.EnumerateValues())
        {
            if (matcher.IsMatch(v)) return true;
        }

        return false;
    }
}

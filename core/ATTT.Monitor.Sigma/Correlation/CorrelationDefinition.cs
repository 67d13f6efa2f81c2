using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>A loaded correlation rule with its references resolved to loaded rules (or correlations).</summary>
internal sealed record CorrelationDefinition(
    SigmaRuleInfo Info,
    CorrelationType Type,
    IReadOnlyList<SigmaRuleInfo> Rules,
    IReadOnlyList<string> GroupBy,
    TimeSpan Timespan,
    IReadOnlyDictionary<string, long> Condition,
    string? ValueField,
    IReadOnlyDictionary<SigmaRuleInfo, IReadOnlyDictionary<string, string>> AliasesByRule)
{
    /// <summary>The field to read for a group-by name (or alias) in an event matched by <paramref name="rule"/>.</summary>
    public string FieldFor(SigmaRuleInfo rule, string groupBy) =>
        AliasesByRule.TryGetValue(rule, out var map) && map.TryGetValue(groupBy, out var field) ? field : groupBy;

    /// <summary>True when <paramref name="count"/> satisfies the condition (gt/gte/eq; several are ANDed).</summary>
    public bool Satisfied(long count)
    {
        if (Condition.Count == 0) return count >= Rules.Count;
        foreach (var (op, n) in Condition)
        {
            var ok = op switch
            {
                "gt" => count > n,
                "gte" => count >= n,
                "eq" => count == n,
                _ => false,
            };
            if (!ok) return false;
        }

        return true;
    }
}

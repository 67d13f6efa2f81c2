namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// A Sigma filter (filters specification): its condition is ANDed to the condition of every rule
/// it names whose logsource its own logsource contains, so <c>condition: not selection</c>
/// silences the events that match the selection. <see cref="AnyRule"/> (<c>rules: any</c> or an
/// empty list, as pySigma reads it) applies it to every rule of that logsource.
/// </summary>
internal sealed record ParsedFilter(
    SigmaRuleInfo Info,
    IReadOnlyList<string> RuleRefs,
    bool AnyRule,
    Dictionary<string, SearchDefinition> Searches,
    ConditionExpr Condition)
{
    /// <summary>pySigma's containment: every part the filter's logsource sets equals the rule's.</summary>
    public bool Covers(SigmaLogsource rule)
    {
        var own = Info.Logsource;
        return (own.Product is null || own.Product == rule.Product)
            && (own.Category is null || own.Category == rule.Category)
            && (own.Service is null || own.Service == rule.Service);
    }
}

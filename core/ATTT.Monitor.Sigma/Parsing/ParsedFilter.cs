namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// A Sigma filter (filters specification): its condition is ANDed to the condition of every rule
/// it names, so <c>condition: not selection</c> silences the events that match the selection.
/// </summary>
internal sealed record ParsedFilter(SigmaRuleInfo Info, IReadOnlyList<string> RuleRefs, Dictionary<string, SearchDefinition> Searches, ConditionExpr Condition);

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>A detection rule after parsing, before compilation.</summary>
internal sealed record ParsedRule(SigmaRuleInfo Info, Dictionary<string, SearchDefinition> Searches, ConditionExpr Condition);

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>A correlation rule after parsing. Thresholds are the condition's comparisons.</summary>
internal sealed record ParsedCorrelation(
    SigmaRuleInfo Info,
    CorrelationType Type,
    IReadOnlyList<string> RuleRefs,
    IReadOnlyList<string> GroupBy,
    TimeSpan Timespan,
    IReadOnlyDictionary<string, long> Condition,
    string? ValueField,
    bool Generate,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases);

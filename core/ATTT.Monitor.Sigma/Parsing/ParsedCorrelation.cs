namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// A correlation rule after parsing. <see cref="Condition"/> lists the comparisons (ANDed);
/// <see cref="ValueFields"/> is <c>condition.field</c> (one or more names, ANDed into one value);
/// <see cref="Percentile"/> is <c>condition.percentile</c> of value_percentile, when given.
/// </summary>
internal sealed record ParsedCorrelation(
    SigmaRuleInfo Info,
    CorrelationType Type,
    IReadOnlyList<string> RuleRefs,
    IReadOnlyList<string> GroupBy,
    TimeSpan Timespan,
    IReadOnlyList<CorrelationComparison> Condition,
    IReadOnlyList<string> ValueFields,
    int? Percentile,
    bool Generate,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases);

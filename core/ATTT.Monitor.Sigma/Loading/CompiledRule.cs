using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>A loaded detection rule and the filters applied to it.</summary>
internal sealed record CompiledRule(SigmaRuleInfo Info, ParsedRule Parsed, IReadOnlyList<ParsedFilter> Filters);

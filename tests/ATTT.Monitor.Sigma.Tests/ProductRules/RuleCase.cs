using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// One regression case: events fed in order to a fresh engine. A match case expects
/// <see cref="Count"/> alerts of <see cref="RuleId"/>; a no-match case expects none from the rule
/// (or, without a rule id, from any rule of the case's rule file).
/// </summary>
internal sealed record RuleCase(string Name, int Line, bool ShouldMatch, string? RuleId, int Count, IReadOnlyList<EventRecord> Events);

namespace ATTT.Monitor.Collector.Detection;

/// <summary>A rule that matched a stored event (a correlation rule: the event that completed it).</summary>
public sealed record RuleMatch(string RuleId, string Title, string Level, IReadOnlyList<string> Tags, string? Description);

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>A rule switched off for one unit (or <see cref="SuppressionUnits.All"/>), by whom, when and why.</summary>
public sealed record RuleDisablement(string RuleId, string Unit, string Reason, string DisabledBy, DateTimeOffset DisabledAt);

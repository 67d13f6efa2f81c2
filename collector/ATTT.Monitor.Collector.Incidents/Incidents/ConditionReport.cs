namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// A condition that holds on a host (protection off, old signatures, agent silent). While it holds,
/// one incident stays open for (<see cref="ConditionKey"/>, unit, host); when it ends the incident is
/// resolved with the duration recorded.
/// </summary>
internal sealed record ConditionReport(
    string ConditionKey,
    string Title,
    string Category,
    IncidentSeverity Severity,
    string Unit,
    string Host,
    string? AgentId,
    bool IsDrill,
    string? Description,
    DateTimeOffset At);

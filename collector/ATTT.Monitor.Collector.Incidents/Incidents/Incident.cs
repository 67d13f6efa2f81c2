namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// An incident (sự cố) as stored. <see cref="Title"/>, <see cref="Host"/> and <see cref="Description"/>
/// may carry attacker-controlled text from events: encode them wherever they are shown.
/// </summary>
public sealed record Incident(
    long Id,
    string Title,
    string? RuleId,
    string? RuleTitle,
    IReadOnlyList<string> Tags,
    string Category,
    IncidentSeverity Severity,
    IncidentState State,
    string Unit,
    string Host,
    string? AgentId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Count,
    bool IsDrill,
    string? Assignee,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    TimeSpan? Duration)
{
    public bool IsOpen => IncidentTransitions.IsOpen(State);
}

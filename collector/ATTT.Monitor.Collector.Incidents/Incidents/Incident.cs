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

    /// <summary>The Vietnamese explanation of the detection that leads the story; null for conditions and older rows.</summary>
    public IncidentExplanation? Explanation { get; init; }

    /// <summary>The story's progress through the attack's stages (<see cref="KillChain"/>).</summary>
    public string KillChain { get; init; } = "";

    /// <summary>The highest level among the story's detections; <see cref="Severity"/> is one step above it after a progression.</summary>
    public IncidentSeverity? PeakSeverity { get; init; }

    /// <summary>
    /// Whether the detection that opened it was on a backfilled event (received long after it occurred,
    /// <c>Ingest:BackfillAfter</c>): a spool draining, a replay. Set when the incident opens; null for
    /// incidents stored before the mark existed.
    /// </summary>
    public bool? IsBackfill { get; init; }
}

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// One rule matching one stored event, as the detection pipeline hands it to the incident manager.
/// <see cref="At"/> is the event's own time; <see cref="Unit"/>, <see cref="AgentId"/> and
/// <see cref="IsDrill"/> come from the stored event (the sending agent), never from its body.
/// </summary>
public sealed record DetectionHit(
    string RuleId,
    string RuleTitle,
    string? RuleLevel,
    IReadOnlyList<string> Tags,
    string? Description,
    string Unit,
    string Host,
    string? AgentId,
    bool IsDrill,
    long? EventId,
    DateTimeOffset At)
{
    /// <summary>When the collector received the matched event (null for a detection not made on a stored event); with <see cref="At"/> it tells a backfilled event.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>See <see cref="RuleMatch.IsProductRule"/>.</summary>
    public bool IsProductRule { get; init; }

    /// <summary>See <see cref="RuleMatch.Guidance"/>.</summary>
    public RuleGuidance? Guidance { get; init; }

    /// <summary>See <see cref="RuleMatch.Related"/>.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>
    /// What ties this detection to others beyond time (<see cref="DetectionLinks"/>): its logon
    /// sessions and its own process. An incident that holds one of these takes later detections that
    /// carry it, or that name it as their parent (<see cref="ParentLinks"/>).
    /// </summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>The parent process of the event's process: joins an incident that holds it, never stored as the detection's own.</summary>
    public IReadOnlyList<string> ParentLinks { get; init; } = [];
}

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
    DateTimeOffset At);

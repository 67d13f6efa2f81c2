namespace ATTT.Monitor.Collector.Incidents;

/// <summary>What happened to an incident, handed to <see cref="IIncidentTransactionHook"/>s.</summary>
public sealed record IncidentChange(
    IncidentChangeKind Kind,
    long IncidentId,
    string Title,
    string? RuleId,
    string? RuleTitle,
    IReadOnlyList<string> Tags,
    string Category,
    IncidentSeverity Severity,
    IncidentState State,
    string Unit,
    string Host,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Count,
    bool IsDrill,
    string? Actor,
    DateTimeOffset At)
{
    /// <summary>The incident's Vietnamese explanation (what happened, why it matters, what to do), as its page shows it.</summary>
    public IncidentExplanation? Explanation { get; init; }
}

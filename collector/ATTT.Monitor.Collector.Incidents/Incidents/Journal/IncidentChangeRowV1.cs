namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>
/// A journal row as the collector wrote it before a change carried the whole incident: the
/// incident's fields flat beside the change's. Rows in existing databases keep this shape, so
/// <see cref="IncidentJournal.Read"/> still reads it; fields it never held (agent, assignee,
/// description, resolution) come back empty.
/// </summary>
internal sealed record IncidentChangeRowV1(
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
    DateTimeOffset At,
    DateTimeOffset DetectedAt)
{
    public IncidentExplanation? Explanation { get; init; }

    public IncidentChange ToChange() => new(
        Kind,
        new Incident(IncidentId, Title, RuleId, RuleTitle, Tags ?? [], Category, Severity, State, Unit, Host, null, FirstSeen, LastSeen, Count, IsDrill,
            null, null, DetectedAt, At, null, null) { Explanation = Explanation },
        Actor,
        At);
}

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// What happened to an incident, as the incident journal records it. <see cref="At"/> is when the
/// change was made; <see cref="DetectedAt"/> when the collector first found the incident, which is
/// where reporting clocks start (never the events' own time, <see cref="FirstSeen"/>).
/// </summary>
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
    DateTimeOffset At,
    DateTimeOffset DetectedAt)
{
    /// <summary>The incident's Vietnamese explanation (what happened, why it matters, what to do), as its page shows it.</summary>
    public IncidentExplanation? Explanation { get; init; }

    /// <summary>The incident's <see cref="Incident.IsBackfill"/>: null in journal rows written before the mark existed.</summary>
    public bool? IsBackfill { get; init; }

    /// <summary>What the change says in words: for <see cref="IncidentChangeKind.PersonalDataBreachKnown"/>, which personal data the breach concerns.</summary>
    public string? Note { get; init; }
}

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// One detection of an attack story's timeline, or (with no <see cref="IncidentId"/>) a low one kept
/// as evidence on the PC. <see cref="Title"/> is Vietnamese; <see cref="TitleEn"/> the rule's English
/// title when the text was composed from the ATT&amp;CK table; <see cref="Tactics"/> are tactic keys
/// (<see cref="IncidentGuidance.TacticName"/> gives their Vietnamese names). Titles come from rules,
/// never from events; encode them anyway where they are shown.
/// </summary>
public sealed record TimelineEntry(
    long? IncidentId,
    DateTimeOffset At,
    string RuleId,
    string Title,
    string? TitleEn,
    IncidentSeverity Level,
    IReadOnlyList<string> Tactics,
    long? EventId,
    bool IsEvidence);

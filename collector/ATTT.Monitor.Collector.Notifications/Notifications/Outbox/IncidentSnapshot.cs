using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>What notifications know of an incident: the last <see cref="IncidentChange"/> seen, kept in notification_incidents.</summary>
public sealed record IncidentSnapshot(
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
    bool IsDrill)
{
    /// <summary>The incident's Vietnamese explanation, the same text its dashboard page shows.</summary>
    public IncidentExplanation? Explanation { get; init; }

    public static IncidentSnapshot From(IncidentChange c) =>
        new(c.IncidentId, c.Title, c.RuleId, c.RuleTitle, c.Tags, c.Category, c.Severity, c.State, c.Unit, c.Host, c.FirstSeen, c.LastSeen, c.Count, c.IsDrill)
        {
            Explanation = c.Explanation,
        };
}

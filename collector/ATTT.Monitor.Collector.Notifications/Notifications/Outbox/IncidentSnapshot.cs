using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// What notifications know of an incident: the last <see cref="IncidentChange"/> read from the
/// journal, kept in notification_incidents. <see cref="DetectedAt"/> is when the collector found the
/// incident (where clocks start); <see cref="IsBackfill"/> marks one whose events came from a backlog
/// (a spool draining after days offline, a replay).
/// </summary>
internal sealed record IncidentSnapshot(
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
    DateTimeOffset DetectedAt = default,
    bool IsBackfill = false)
{
    /// <summary>The incident's Vietnamese explanation, the same text its dashboard page shows.</summary>
    public IncidentExplanation? Explanation { get; init; }

    /// <summary>
    /// The snapshot of a journaled change. Backfill is the incident's own mark (ingest's rule on the
    /// opening event's received and occurred times); a change journaled before the mark existed has
    /// none, and for it the snapshot still guesses from detection against the first event (<paramref name="backfillAfter"/>).
    /// </summary>
    public static IncidentSnapshot From(IncidentChange c, TimeSpan backfillAfter) =>
        new(c.IncidentId, c.Title, c.RuleId, c.RuleTitle, c.Tags, c.Category, c.Severity, c.State, c.Unit, c.Host, c.FirstSeen, c.LastSeen, c.Count, c.IsDrill,
            c.DetectedAt, c.IsBackfill ?? c.DetectedAt - c.FirstSeen > backfillAfter)
        {
            Explanation = c.Explanation,
        };

    public bool IsOpen => IncidentTransitions.IsOpen(State);
}

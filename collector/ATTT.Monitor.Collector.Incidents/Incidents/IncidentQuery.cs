namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// A search over incidents, open before closed, then by severity, then newest (last seen) first. Null or empty filters match everything; the
/// caller's <see cref="UnitScope"/> is applied on top by <see cref="IIncidentService"/>.
/// </summary>
public sealed record IncidentQuery
{
    public IReadOnlyCollection<IncidentState>? States { get; init; }
    public IReadOnlyCollection<IncidentSeverity>? Severities { get; init; }
    public string? Unit { get; init; }
    public string? Host { get; init; }
    public string? RuleId { get; init; }
    public string? Category { get; init; }

    /// <summary>Incidents raised from this enrolled agent's events (the PC's own, whatever host name the events carry).</summary>
    public string? AgentId { get; init; }

    /// <summary>Incidents detected (opened) at or after this time, whatever the time of their events.</summary>
    public DateTimeOffset? DetectedFrom { get; init; }

    /// <summary>Incidents whose activity (first to last seen) overlaps [From, To].</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Case-insensitive substring of title, rule, host or assignee.</summary>
    public string? Text { get; init; }

    /// <summary>False: real incidents only (the default); true: drill incidents only; null: both.</summary>
    public bool? Drill { get; init; } = false;

    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

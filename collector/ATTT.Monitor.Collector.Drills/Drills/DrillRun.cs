namespace ATTT.Monitor.Collector.Drills;

/// <summary>One drill (diễn tập) in the history: scheduled, on demand or late; run, failed or missed.</summary>
public sealed record DrillRun(
    long Id,
    string PlaybookId,
    string Unit,
    DateTimeOffset? ScheduledFor,
    string Trigger,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Detail);

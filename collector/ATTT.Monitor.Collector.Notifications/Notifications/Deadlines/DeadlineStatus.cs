namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>One reporting deadline of an incident, with the time left as of <see cref="Now"/> (negative when overdue).</summary>
public sealed record DeadlineStatus(
    long IncidentId,
    string Key,
    string Title,
    string MetBy,
    DateTimeOffset StartsAt,
    DateTimeOffset DueAt,
    DateTimeOffset Now,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? MetAt)
{
    /// <summary>When the clock stopped without being met (the incident was a false positive, or resolved).</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary><c>false_positive</c> or <c>resolved</c> when <see cref="StoppedAt"/> is set.</summary>
    public string? StopReason { get; init; }

    public TimeSpan TimeLeft => DueAt - Now;

    public bool IsMet => MetAt is not null;

    public bool IsStopped => StoppedAt is not null && MetAt is null;

    /// <summary>Stopped because the incident was marked a false positive (else, when stopped, it was resolved).</summary>
    public bool IsFalsePositiveStop => IsStopped && StopReason == DeadlineStore.StoppedFalsePositive;

    public bool IsOverdue => MetAt is null && StoppedAt is null && Now >= DueAt;

    /// <summary>"còn 3 ngày 4 giờ", "quá hạn 2 giờ 5 phút", "đã hoàn thành" or why it stopped.</summary>
    public string TimeLeftText => IsMet ? "đã hoàn thành"
        : IsStopped ? (IsFalsePositiveStop ? "đã dừng (cảnh báo nhầm)" : "đã dừng (sự cố đã khắc phục)")
        : Templates.VietnameseLabels.Duration(TimeLeft);
}

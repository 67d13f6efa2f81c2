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
    public TimeSpan TimeLeft => DueAt - Now;

    public bool IsMet => MetAt is not null;

    public bool IsOverdue => MetAt is null && Now >= DueAt;

    /// <summary>"còn 3 ngày 4 giờ", "quá hạn 2 giờ 5 phút" or "đã hoàn thành".</summary>
    public string TimeLeftText => IsMet ? "đã hoàn thành" : Templates.VietnameseLabels.Duration(TimeLeft);
}

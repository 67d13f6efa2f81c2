using ATTT.Monitor.Collector.Notifications.Deadlines;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// A reporting deadline's time left in the reader's language ("còn 23 giờ 58 phút", "23 h 58 min
/// left"); <see cref="DeadlineStatus.TimeLeftText"/> is the Vietnamese one the emails use.
/// </summary>
internal static class DeadlineTexts
{
    public static string TimeLeft(this DashboardText texts, DeadlineStatus deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.IsMet)
            return texts["Deadline.Met"];
        if (deadline.IsStopped)
            return texts[deadline.IsFalsePositiveStop ? "Deadline.StoppedFalsePositive" : "Deadline.StoppedResolved"];
        var left = deadline.TimeLeft;
        return texts.Format(left < TimeSpan.Zero ? "Deadline.Overdue" : "Deadline.Left", Duration(texts, left.Duration()));
    }

    private static string Duration(DashboardText texts, TimeSpan span) =>
        span.TotalDays >= 1 ? texts.Format("Deadline.DaysHours", (int)span.TotalDays, span.Hours)
        : span.TotalHours >= 1 ? texts.Format("Deadline.HoursMinutes", (int)span.TotalHours, span.Minutes)
        : texts.Format("Deadline.Minutes", span.Minutes);
}

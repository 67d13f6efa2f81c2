using System.Globalization;
using ATTT.Monitor.Collector.Dashboard.Localization;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>A duration as an officer reads it: "2 ngày 3 giờ", "4 giờ 10 phút", "7 phút".</summary>
internal static class DurationText
{
    public static string Format(DashboardText text, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (duration < TimeSpan.Zero)
            duration = TimeSpan.Zero;
        if (duration.TotalDays >= 1)
            return text.Format("Pcs.Duration.Days", Whole(duration.TotalDays), duration.Hours);
        if (duration.TotalHours >= 1)
            return text.Format("Pcs.Duration.Hours", Whole(duration.TotalHours), duration.Minutes);
        return text.Format("Pcs.Duration.Minutes", Whole(duration.TotalMinutes));
    }

    private static string Whole(double value) => Math.Floor(value).ToString("0", CultureInfo.InvariantCulture);
}

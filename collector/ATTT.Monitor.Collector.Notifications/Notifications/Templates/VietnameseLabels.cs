using System.Globalization;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>The dashboard's words (BRIEF) for severities, states and categories, and Vietnam time.</summary>
internal static class VietnameseLabels
{
    /// <summary>Vietnam keeps UTC+7 all year, so a fixed offset is exact and needs no tz database.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Severity(IncidentSeverity severity) => severity.ToVietnamese();

    public static string State(IncidentState state) => state.ToVietnamese();

    public static string Category(string category) => IncidentCategoryNames.Vietnamese(category);

    public static string Time(DateTimeOffset at) =>
        at.ToOffset(VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy '(GMT+7)'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        var abs = span.Duration();
        var text = abs.TotalDays >= 1
            ? $"{(int)abs.TotalDays} ngày {abs.Hours} giờ"
            : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours} giờ {abs.Minutes} phút" : $"{abs.Minutes} phút";
        return negative ? $"quá hạn {text}" : $"còn {text}";
    }
}

using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Templates;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// The monthly report as the dashboard page, its print view and its PDF show it: a title, the
/// unit and period, then the same numbered lines as the mail (<see cref="MonthlyReportText.Summary"/>),
/// so every copy carries the same numbers.
/// </summary>
public static class MonthlyReportDocument
{
    public const string Title = "BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN HÀNG THÁNG";

    /// <summary>"Tháng 01/2026" from the report's yyyy-MM month.</summary>
    public static string MonthLabel(MonthlySecurityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return DateTime.TryParseExact(report.Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? "Tháng " + m.ToString("MM/yyyy", CultureInfo.InvariantCulture)
            : "Tháng " + report.Month;
    }

    public static string Period(MonthlySecurityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Từ {VietnameseLabels.Time(report.From)} đến {VietnameseLabels.Time(report.To)}";
    }

    public static IReadOnlyList<string> Lines(MonthlySecurityReport report) =>
        MonthlyReportText.Summary(report).Split('\n');
}

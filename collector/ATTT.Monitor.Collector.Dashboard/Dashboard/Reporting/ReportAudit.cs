using System.Globalization;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Reports;

namespace ATTT.Monitor.Collector.Dashboard.Reporting;

/// <summary>
/// How the dashboard records report actions in the audit log: under the incident (area
/// "incidents", target incident:N) so they appear on its timeline, with details naming the report
/// as "#id" so that who saved or sent a report can be read back from the timeline.
/// </summary>
internal static class ReportAudit
{
    public const string Created = "report_created";
    public const string Saved = "report_saved";
    public const string Sent = "report_sent";

    public static string Details(IncidentReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Biểu mẫu {report.Form}, số {report.Number} (#{report.Id})");

    /// <summary>The latest audit record of <paramref name="action"/> on this report, if any.</summary>
    public static AuditRecord? Last(IReadOnlyList<AuditRecord> timeline, IncidentReport report, string action)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"(#{report.Id})");
        return timeline.LastOrDefault(r => r.Action == action && r.Details is { } d && d.EndsWith(marker, StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Templates;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>The report's body as Vietnamese text lines (the mail templates encode them for HTML).</summary>
internal static class MonthlyReportText
{
    public static string Summary(MonthlySecurityReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"1. Tổng số sự cố: {r.Incidents}\n");
        foreach (var (category, count) in r.ByCategory)
            sb.Append(CultureInfo.InvariantCulture, $"   - {VietnameseLabels.Category(category)}: {count}\n");
        sb.Append("2. Theo mức độ:\n");
        foreach (var (severity, count) in r.BySeverity)
            sb.Append(CultureInfo.InvariantCulture, $"   - {VietnameseLabels.Severity(Enum.Parse<IncidentSeverity>(severity, ignoreCase: true))}: {count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"3. Thời gian xác nhận (trung vị): {Span(r.MedianTimeToAcknowledge)} ({r.Acknowledged} sự cố đã được xác nhận)\n");
        sb.Append(CultureInfo.InvariantCulture, $"4. Thời gian khắc phục (trung vị): {Span(r.MedianTimeToResolve)} ({r.Resolved} sự cố đã khắc phục)\n");
        if (r.Antivirus is { } av)
        {
            sb.Append(CultureInfo.InvariantCulture, $"5. Phần mềm diệt virus: {av.Protected}/{av.Reporting} máy trạm được bảo vệ ({av.CoveragePercent.ToString("0.#", CultureInfo.InvariantCulture)}%)");
            sb.Append(CultureInfo.InvariantCulture, $"; tuổi mẫu nhận diện lớn nhất {Days(av.MaxSignatureAgeDays)}, trung bình {Days(av.AverageSignatureAgeDays)}\n");
            if (av.StaleOrUnprotected.Count > 0)
                sb.Append("   Máy trạm chưa được bảo vệ đầy đủ: ").Append(string.Join(", ", av.StaleOrUnprotected)).Append('\n');
        }
        else
        {
            sb.Append("5. Phần mềm diệt virus: chưa có dữ liệu trên bộ thu này\n");
        }

        if (r.Agents is { } agents)
        {
            sb.Append(CultureInfo.InvariantCulture, $"6. Tác tử: {agents.Enrolled} đã đăng ký, {agents.Silent.Count} mất kết nối");
            sb.Append(agents.Silent.Count > 0 ? ": " + string.Join(", ", agents.Silent) : "").Append('\n');
        }
        else
        {
            sb.Append("6. Tác tử: chưa có dữ liệu trên bộ thu này\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"7. Diễn tập: {(r.DrillsHeld is { } d ? d.ToString(CultureInfo.InvariantCulture) : "chưa có dữ liệu")} lần (sự cố diễn tập ghi nhận: {r.DrillIncidents})\n");
        MonthlyPlanText.Append(sb, r.Plan);
        return sb.ToString().TrimEnd('\n');
    }

    private static string Span(TimeSpan? span) => span is { } s
        ? s.TotalDays >= 1 ? $"{(int)s.TotalDays} ngày {s.Hours} giờ" : $"{(int)s.TotalHours} giờ {s.Minutes} phút"
        : "không có";

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " ngày" : "không rõ";
}

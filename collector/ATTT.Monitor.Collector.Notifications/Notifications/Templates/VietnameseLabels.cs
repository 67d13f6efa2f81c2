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

    public static string Category(string category) => category switch
    {
        IncidentCategory.Malware => "mã độc",
        IncidentCategory.Ransomware => "mã độc tống tiền (ransomware)",
        IncidentCategory.AccountCompromise => "tài khoản bị xâm phạm",
        IncidentCategory.Phishing => "lừa đảo (phishing)",
        IncidentCategory.Defacement => "thay đổi giao diện trang web",
        IncidentCategory.DataBreach => "lộ lọt dữ liệu cá nhân",
        IncidentCategory.Intrusion => "xâm nhập trái phép",
        IncidentCategory.ProtectionDisabled => "tắt bảo vệ / phần mềm diệt virus",
        IncidentCategory.AgentSilent => "tác tử mất kết nối",
        IncidentCategory.Other => "khác",
        _ => category,
    };

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

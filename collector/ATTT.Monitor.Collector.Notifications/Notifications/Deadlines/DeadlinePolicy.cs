using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>
/// Which reporting deadlines apply to an incident. Defaults follow the brief: notify within 5 days
/// of detection (Thông tư 20/2017); for serious incidents (high, critical) an initial notice within
/// 24 h and cause, scope and fixes within 72 h (Decree 331/2026); for a personal-data breach the
/// data-protection agency within 72 h (Law 91/2025, Decree 356/2025). Each category may override.
/// </summary>
internal static class DeadlinePolicy
{
    public const string ClosingReportKey = "closing_report_5d";

    public static IReadOnlyList<DeadlineOptions> BuiltInDefaults { get; } =
    [
        new() { Key = "initial_notice_5d", Title = "Thông báo sự cố cho cơ quan chức năng (trong 5 ngày, TT 20/2017)", Within = TimeSpan.FromDays(5), MinSeverity = IncidentSeverity.Medium, MetBy = "notice" },
        new() { Key = "initial_report_24h", Title = "Báo cáo ban đầu sự cố nghiêm trọng - Biểu mẫu 03 (trong 24 giờ)", Within = TimeSpan.FromHours(24), MinSeverity = IncidentSeverity.High, MetBy = "report03" },
        new() { Key = "cause_scope_72h", Title = "Báo cáo nguyên nhân, phạm vi và biện pháp khắc phục (trong 72 giờ)", Within = TimeSpan.FromHours(72), MinSeverity = IncidentSeverity.High, MetBy = "manual" },
    ];

    public static DeadlineOptions DataProtection { get; } = new()
    {
        Key = "data_protection_72h",
        Title = "Thông báo cơ quan bảo vệ dữ liệu cá nhân (Bộ Công an) trong 72 giờ",
        Within = TimeSpan.FromHours(72),
        MinSeverity = IncidentSeverity.Low,
        MetBy = MessageKinds.PersonalData,
    };

    public static DeadlineOptions ClosingReport { get; } = new()
    {
        Key = ClosingReportKey,
        Title = "Báo cáo kết thúc ứng phó sự cố - Biểu mẫu 04 (trong 5 ngày sau khi kết thúc)",
        Within = TimeSpan.FromDays(5),
        MinSeverity = IncidentSeverity.High,
        MetBy = "report04",
    };

    /// <summary>
    /// The clocks that start when an incident is found to be a personal-data breach: those configured
    /// for <c>data_breach</c>, else the data-protection notice; at any severity, as the law asks.
    /// </summary>
    public static IReadOnlyList<DeadlineOptions> ForPersonalData(NotificationsOptions options) =>
        options.Deadlines.TryGetValue(IncidentCategory.DataBreach, out var configured) && configured.Count > 0
            ? [.. configured.Where(d => !string.IsNullOrWhiteSpace(d.Key))]
            : [DataProtection];

    public static IReadOnlyList<DeadlineOptions> For(string category, IncidentSeverity severity, NotificationsOptions options)
    {
        IReadOnlyList<DeadlineOptions> list;
        if (options.Deadlines.TryGetValue(category, out var configured) && configured.Count > 0)
            list = configured;
        else
        {
            var defaults = options.DefaultDeadlines.Count > 0 ? options.DefaultDeadlines : BuiltInDefaults;
            list = string.Equals(category, IncidentCategory.DataBreach, StringComparison.OrdinalIgnoreCase) ? [.. defaults, DataProtection] : defaults;
        }

        return [.. list.Where(d => severity >= d.MinSeverity && !string.IsNullOrWhiteSpace(d.Key))];
    }
}

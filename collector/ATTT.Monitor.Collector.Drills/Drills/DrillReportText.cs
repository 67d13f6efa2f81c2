using System.Globalization;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>Words and formats shared by the HTML and CSV reports (Vietnamese, Vietnam time).</summary>
internal static class DrillReportText
{
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, VietnamTime).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string Span(TimeSpan? span) => span switch
    {
        null => "",
        { } s when s < TimeSpan.Zero => "-" + Span(-s),
        { } s when s.TotalHours >= 1 => $"{(int)s.TotalHours} giờ {s.Minutes} phút",
        { } s when s.TotalMinutes >= 1 => $"{s.Minutes} phút {s.Seconds} giây",
        { } s => $"{s.TotalSeconds:0.#} giây".Replace('.', ','),
    };

    public static string Met(bool? met) => met switch
    {
        true => "Đạt",
        false => "Không đạt",
        null => "Không đặt mục tiêu",
    };

    public static string Status(string status) => status switch
    {
        DrillRunStatus.Completed => "Đã thực hiện",
        DrillRunStatus.Running => "Đang diễn tập",
        DrillRunStatus.Failed => "Thất bại",
        DrillRunStatus.Missed => "Bị bỏ lỡ",
        DrillRunStatus.Interrupted => "Bị gián đoạn",
        DrillRunStatus.Requested => "Đã yêu cầu",
        _ => status,
    };
}

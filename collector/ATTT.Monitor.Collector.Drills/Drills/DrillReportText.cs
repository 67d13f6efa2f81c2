using System.Globalization;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>Words and formats shared by the HTML and CSV reports (Vietnamese, Vietnam time).</summary>
public static class DrillReportText
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

    public static string Outcome(DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Met => "Đạt",
        DrillOutcome.Late => "Không đạt (quá mục tiêu)",
        DrillOutcome.Missed => "Không đạt",
        DrillOutcome.Waiting => "Đang chờ",
        _ => "Không đặt mục tiêu",
    };

    /// <summary>The outcome, with the deadline of a target still open.</summary>
    public static string Outcome(DrillMeasure m) =>
        m.Outcome == DrillOutcome.Waiting && m.Deadline is { } d ? $"Đang chờ (hạn {Time(d)})" : Outcome(m.Outcome);

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

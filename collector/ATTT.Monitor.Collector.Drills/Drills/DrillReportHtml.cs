using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>The printable after-action report in Vietnamese. Every value is HTML-encoded (playbooks and lessons are user text).</summary>
public static class DrillReportHtml
{
    // Keeps Vietnamese letters readable in the file while encoding every markup character.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The print style (inline by default, or served separately where a CSP forbids inline style).</summary>
    public const string Stylesheet =
        "body{font-family:'Times New Roman',serif;margin:2cm;color:#000}table{border-collapse:collapse;width:100%;margin:1em 0}" +
        "th,td{border:1px solid #444;padding:4px 6px;text-align:left;vertical-align:top}.dat{color:#064}.khong{color:#a00;font-weight:bold}" +
        "@media print{body{margin:1cm}}";

    /// <param name="report">The after-action report.</param>
    /// <param name="stylesheetHref">Null: <see cref="Stylesheet"/> inline (a self-contained file); else a link to it (the dashboard's strict CSP allows no inline style).</param>
    public static string Render(DrillReport report, string? stylesheetHref = null)
    {
        var e = Encoder;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo sau diễn tập - ")
            .Append(e.Encode(report.PlaybookTitle)).Append("</title>");
        if (stylesheetHref is null)
            html.Append("<style>").Append(Stylesheet).Append("</style>");
        else
            html.Append("<link rel=\"stylesheet\" href=\"").Append(e.Encode(stylesheetHref)).Append("\">");
        html.Append("</head><body>");
        html.Append("<h1>BÁO CÁO SAU DIỄN TẬP</h1><table>");
        Row(html, "Kịch bản", report.PlaybookTitle);
        Row(html, "Đơn vị", ATTT.Monitor.Collector.Access.UnitNames.Vietnamese(report.Run.Unit));
        Row(html, "Lần diễn tập", report.Run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(html, "Lịch dự kiến", DrillReportText.Time(report.Run.ScheduledFor));
        Row(html, "Bắt đầu", DrillReportText.Time(report.Run.StartedAt));
        Row(html, "Sự kiện giả lập đầu tiên", DrillReportText.Time(report.FirstInjectAt));
        Row(html, "Trạng thái", DrillReportText.Status(report.Run.Status) + (report.Run.Detail is { } d ? " - " + d : ""));
        Row(html, "Sự cố diễn tập", string.Join(", ", report.IncidentIds));
        Row(html, "Kết quả", DrillReportText.Outcome(report.Verdict));
        html.Append("</table><h2>Thời gian ứng phó so với mục tiêu</h2><table><tr><th>Khâu</th><th>Thời điểm</th><th>Sau khi bắt đầu</th><th>Mục tiêu</th><th>Kết quả</th></tr>");
        foreach (var m in report.Measures)
        {
            html.Append("<tr><td>").Append(e.Encode(m.Label)).Append("</td><td>").Append(e.Encode(m.At is null ? "Chưa ghi nhận" : DrillReportText.Time(m.At)))
                .Append("</td><td>").Append(e.Encode(DrillReportText.Span(m.Elapsed))).Append("</td><td>").Append(e.Encode(DrillReportText.Span(m.Target)))
                .Append("</td><td class=\"").Append(m.Met == false ? "khong" : "dat").Append("\">").Append(e.Encode(DrillReportText.Outcome(m))).Append("</td></tr>");
        }

        html.Append("</table><h2>Các bước của kịch bản</h2><table><tr><th>#</th><th>Việc cần làm</th><th>Vai trò</th><th>Hạn</th><th>Người xác nhận</th><th>Thời điểm</th><th>Kết quả</th></tr>");
        foreach (var s in report.Steps)
        {
            var result = !s.Done ? "Chưa thực hiện" : s.OnTime ? "Đúng hạn" : "Quá hạn";
            html.Append("<tr><td>").Append(s.Number).Append("</td><td>").Append(e.Encode(s.Action)).Append("</td><td>").Append(e.Encode(s.Role))
                .Append("</td><td>").Append(e.Encode(DrillReportText.Span(s.Deadline))).Append("</td><td>").Append(e.Encode(s.SignedBy ?? ""))
                .Append("</td><td>").Append(e.Encode(DrillReportText.Time(s.SignedAt))).Append("</td><td class=\"").Append(s.Done && s.OnTime ? "dat" : "khong")
                .Append("\">").Append(e.Encode(result)).Append("</td></tr>");
        }

        html.Append("</table><h2>Bài học kinh nghiệm</h2><p>")
            .Append(report.Lessons is null ? "<i>Điều phối viên chưa ghi bài học kinh nghiệm.</i>" : e.Encode(report.Lessons).ReplaceLineEndings("<br>"))
            .Append("</p>");
        if (report.LessonsBy is not null)
            html.Append("<p>Người ghi: ").Append(e.Encode(report.LessonsBy)).Append("</p>");
        html.Append("<p><i>Diễn tập: mọi sự kiện, sự cố và thông báo trong báo cáo này là giả lập, không phải sự cố thật.</i></p></body></html>");
        return html.ToString();

        void Row(StringBuilder b, string label, string value) =>
            b.Append("<tr><th>").Append(e.Encode(label)).Append("</th><td>").Append(e.Encode(value)).Append("</td></tr>");
    }
}

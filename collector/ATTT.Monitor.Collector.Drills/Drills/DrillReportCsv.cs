using System.Globalization;
using System.Text;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// The after-action report as CSV (UTF-8 with BOM so that Excel shows Vietnamese correctly): one
/// row per measured link and per step. Cells starting with = + - @ are prefixed with ' so that a
/// spreadsheet never runs them as formulas.
/// </summary>
public static class DrillReportCsv
{
    public const string Header = "loai,muc,thoi_diem,sau_khi_bat_dau_giay,muc_tieu_giay,ket_qua,nguoi_xac_nhan";

    public static string Render(DrillReport report)
    {
        var csv = new StringBuilder();
        csv.Append('\uFEFF').Append(Header).Append("\r\n");
        foreach (var m in report.Measures)
            Line(csv, "thoi_gian", m.Label, DrillReportText.Time(m.At), Seconds(m.Elapsed), Seconds(m.Target), DrillReportText.Outcome(m), "");
        foreach (var s in report.Steps)
            Line(csv, "buoc", $"{s.Number}. {s.Action}", DrillReportText.Time(s.SignedAt), Seconds(s.Elapsed), Seconds(s.Deadline),
                !s.Done ? "Chưa thực hiện" : s.OnTime ? "Đúng hạn" : "Quá hạn", s.SignedBy ?? "");
        if (report.Lessons is not null)
            Line(csv, "bai_hoc", report.Lessons, "", "", "", "", report.LessonsBy ?? "");
        return csv.ToString();
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? ((long)s.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !long.TryParse(value, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

using ATTT.Monitor.Collector.Drills;

namespace ATTT.Monitor.Collector.Tests.Drills;

public sealed class DrillReportRenderingTests
{
    private static DrillReport Report(string lessons, string signedBy)
    {
        var start = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        var run = new DrillRun(7, "ma-doc", "xa-sang-moc", start, DrillRunTrigger.Schedule, DrillRunStatus.Completed, start, start.AddMinutes(1), null);
        return new DrillReport(run, "Phát hiện mã độc <b>trên máy trạm</b>", start,
        [
            new DrillMeasure(DrillLink.Detected, "Thời gian phát hiện", TimeSpan.FromMinutes(2), start.AddSeconds(40), TimeSpan.FromSeconds(40), DrillOutcome.Met, start.AddMinutes(2)),
            new DrillMeasure(DrillLink.NotificationSent, "Thời gian gửi thông báo", TimeSpan.FromMinutes(15), start.AddMinutes(20), TimeSpan.FromMinutes(20), DrillOutcome.Late, start.AddMinutes(15)),
            new DrillMeasure(DrillLink.Acknowledged, "Thời gian người nhận xác nhận", TimeSpan.FromHours(4), null, null, DrillOutcome.Waiting, start.AddHours(4)),
        ],
        [
            new DrillStepResult(1, "cach-ly", "can-bo-cntt", "Cô lập máy", TimeSpan.FromMinutes(30), signedBy, start.AddMinutes(10), TimeSpan.FromMinutes(10), null),
            new DrillStepResult(2, "bao-cao", "lanh-dao-xa", "Báo cáo", TimeSpan.FromHours(8), null, null, null, null),
        ],
        [41], lessons, "Điều phối viên");
    }

    [Fact]
    public void Html_report_is_vietnamese_with_every_time_against_its_target_and_encodes_user_text()
    {
        var html = DrillReportHtml.Render(Report("<script>alert(1)</script>\nDòng hai", "Nguyễn Văn A"));

        Assert.Contains("BÁO CÁO SAU DIỄN TẬP", html, StringComparison.Ordinal);
        Assert.Contains("10/03/2026 09:00:40", html, StringComparison.Ordinal); // Vietnam time
        Assert.Contains("40 giây", html, StringComparison.Ordinal);
        Assert.Contains("Không đạt (quá mục tiêu)", html, StringComparison.Ordinal);
        Assert.Contains("Đang chờ (hạn 10/03/2026 13:00:00)", html, StringComparison.Ordinal);
        Assert.Contains("Chưa ghi nhận", html, StringComparison.Ordinal);
        Assert.Contains("Chưa thực hiện", html, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>trên", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_report_has_a_row_per_time_and_step_and_defuses_formulas()
    {
        var csv = DrillReportCsv.Render(Report("=HYPERLINK(\"http://x\")", "+cmd"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        Assert.Equal(DrillReportCsv.Header, lines[0]);
        Assert.Equal(1 + 3 + 2 + 1, lines.Length);
        Assert.Equal("thoi_gian,Thời gian phát hiện,10/03/2026 09:00:40,40,120,Đạt,", lines[1]);
        Assert.Contains(",'+cmd", lines[4], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[6], StringComparison.Ordinal);
    }
}

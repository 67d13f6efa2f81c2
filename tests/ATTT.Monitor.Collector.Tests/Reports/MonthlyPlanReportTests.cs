using System.Net;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Reports;

/// <summary>The monthly report carries indicator 1 of the plan and the month's lost events, from what agents posted.</summary>
public sealed class MonthlyPlanReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_of_a_unit_gives_both_indicators_the_expiring_certificate_and_the_losses()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, unit) = await collector.EnrollAsync(host: "PC-KETOAN-01");
        await collector.EnrollAsync(host: "PC-CHUA-BAO");
        using var client = collector.Client(token);
        var now = collector.Clock.GetUtcNow();
        using (var posture = await client.PostAsync("/api/v1/posture", AgentBodies.Content("/api/v1/posture", AgentProtocolWriter.Write(AgentBodies.Posture(agentId, now))), Ct))
            Assert.Equal(HttpStatusCode.OK, posture.StatusCode);
        var batch = new EventBatch(agentId, 1, now, 4, [], [new ChannelLoss("Security", ChannelLossKind.Wrap, 1001, 1500, 500, now)]);
        using (var events = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct))
            Assert.Equal(HttpStatusCode.OK, events.StatusCode);

        var local = now.ToOffset(TimeSpan.FromHours(7));
        var report = await collector.Services.GetRequiredService<MonthlyReportService>().BuildAsync(unit, local.Year, local.Month, Ct);

        Assert.Equal((2, 1, 1, 1), (report.Plan!.Pcs, report.Plan.MeetingMinimum, report.Plan.Unreported, report.Plan.WithValidSignature));
        var text = MonthlyReportText.Summary(report);
        Assert.Contains("8. Chỉ tiêu 1 (tại thời điểm lập báo cáo, mục tiêu 100%): 1/2 máy trạm đáp ứng cấu hình tối thiểu (50%); 1/2 máy trạm có chữ ký số cá nhân hợp lệ (50%); 1 máy chưa gửi cấu hình", text, StringComparison.Ordinal);
        Assert.Contains("Chứng thư số sắp hết hạn: PC-KETOAN-01: CN=Nguyễn Văn A, O=UBND xã Sảng Mộc (VNPT-CA)", text, StringComparison.Ordinal);
        Assert.Contains("9. Sự kiện bị mất trong tháng: 4 sự kiện bị tác tử bỏ, 500 bản ghi nhật ký không đọc được", text, StringComparison.Ordinal);
        Assert.Contains("PC-KETOAN-01: 4 bị bỏ, 500 bản ghi nhật ký không đọc được (Security)", text, StringComparison.Ordinal);
    }
}

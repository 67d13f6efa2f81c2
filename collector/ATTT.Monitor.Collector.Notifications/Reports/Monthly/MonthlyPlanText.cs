using System.Globalization;
using System.Text;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>The report's lines for indicator 1 of the plan and for lost events (Vietnamese).</summary>
internal static class MonthlyPlanText
{
    public static void Append(StringBuilder sb, MonthlyPlanSummary? plan)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (plan is null)
        {
            sb.Append("8. Chỉ tiêu 1 (cấu hình máy tính, chữ ký số): chưa có dữ liệu trên bộ thu này\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"8. Chỉ tiêu 1 (tại thời điểm lập báo cáo, mục tiêu 100%): {plan.MeetingMinimum}/{plan.Pcs} máy trạm đáp ứng cấu hình tối thiểu ({Percent(plan.MeetingMinimum, plan.Pcs)})");
        sb.Append(CultureInfo.InvariantCulture, $"; {plan.WithValidSignature}/{plan.Pcs} máy trạm có chữ ký số cá nhân hợp lệ ({Percent(plan.WithValidSignature, plan.Pcs)})");
        if (plan.Unreported > 0)
            sb.Append(CultureInfo.InvariantCulture, $"; {plan.Unreported} máy chưa gửi cấu hình");
        sb.Append('\n');
        foreach (var line in plan.ExpiringCertificates)
            sb.Append("   Chứng thư số sắp hết hạn: ").Append(line).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"9. Sự kiện bị mất trong tháng: {plan.DroppedEvents} sự kiện bị tác tử bỏ, {plan.LostRecords} bản ghi nhật ký không đọc được\n");
        foreach (var line in plan.LossesByHost)
            sb.Append("   ").Append(line).Append('\n');
    }

    private static string Percent(int count, int of) =>
        of == 0 ? "không có máy" : ((double)count / of).ToString("0%", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>The numbered rows of a form, shared by the HTML and PDF renderers so both show the same fields.</summary>
public static class ReportLayout
{
    public sealed record Row(string Number, string Label, string Value);

    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    public static string FormLabel(string form) => $"Biểu mẫu {form} (Thông tư 20/2017/TT-BTTTT)";

    public static IReadOnlyList<Row> Rows(IncidentReport report)
    {
        var f = report.Fields;
        var rows = new List<Row>();
        if (report.Form == ReportForm.Closing)
        {
            rows.Add(new("0", "Số, ngày báo cáo ban đầu", Join(f.InitialReportNumber, f.InitialReportDate)));
        }

        rows.AddRange(
        [
            new("1", "Tổ chức / cá nhân báo cáo sự cố", f.ReportingOrganisation),
            new("1.1", "Địa chỉ", f.ReportingAddress),
            new("1.2", "Người liên hệ", f.ContactName),
            new("1.3", "Điện thoại", f.ContactPhone),
            new("1.4", "Thư điện tử", f.ContactEmail),
            new("2", "Đơn vị vận hành hệ thống thông tin", f.Operator),
            new("2.1", "Cơ quan, tổ chức chủ quản", f.Owner),
            new("3", "Tên hệ thống thông tin bị sự cố", f.SystemName),
            new("3.1", "Tên miền / địa chỉ IP", f.DomainOrIp),
            new("3.2", "Cấp độ an toàn hệ thống thông tin", f.SecurityLevel.ToString(CultureInfo.InvariantCulture)),
            new("4", "Mô tả sơ bộ về sự cố", f.Description),
            new("5", "Thời điểm phát hiện sự cố", f.DetectedAt),
            new("5.1", "Tình trạng sự cố", f.IncidentStatus),
            new("5.2", "Cách thức phát hiện", f.DetectionMethod),
            new("6", "Đã thông báo sự cố cho", f.AlreadyNotified),
            new("7", "Hệ điều hành", f.OperatingSystems),
            new("7.1", "Các dịch vụ trên hệ thống", f.Services),
            new("8", "Các biện pháp an toàn thông tin đã triển khai", f.MeasuresInPlace),
            new("9", "Đề nghị hỗ trợ", f.SupportRequested),
            new("10", "Đề nghị giữ bí mật thông tin sự cố", f.KeepConfidential ? "Có" : "Không"),
        ]);
        if (report.Form == ReportForm.Closing)
        {
            rows.Add(new("11", "Kết quả xử lý sự cố", f.HandlingResult));
            rows.Add(new("12", "Tài liệu kèm theo (nhật ký, kế hoạch ứng phó)", f.Attachments));
        }

        rows.Add(new(report.Form == ReportForm.Closing ? "13" : "11", "Thời gian báo cáo", f.ReportedAt));
        return rows;
    }

    private static string Join(string a, string b) =>
        string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) ? b : $"{a}, ngày {b}";
}

namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsVi
{
    // Texts of the overview's notices panel and of giving up an undelivered message.
    private static Dictionary<string, string> Notices => new()
    {
        ["Notices.Title"] = "Thông báo sự cố",
        ["Notices.Undelivered"] = "{0} thư không gửi được ({1} thư gửi cơ quan chức năng): quản trị viên cần gửi lại hoặc bỏ qua.",
        ["Notices.Retrying"] = "{0} thư đang chờ gửi lại ({1} thư gửi cơ quan chức năng), thư lâu nhất từ {2}.",
        ["Notices.Template"] = "Mẫu thư {0} bị lỗi: {1}. Đang dùng mẫu gốc cho tới khi sửa.",
        ["Notices.TemplateNoFallback"] = "Mẫu thư {0} bị lỗi: {1}. Không soạn được loại thư này.",
        ["Notices.Reader"] = "Bộ xử lý \"{0}\" đang dừng ở mục nhật ký sự cố #{1} (đã thử {2} lần): {3}",
        ["Notices.Behind"] = "Bộ xử lý \"{0}\" còn {1} thay đổi sự cố chưa xử lý.",
        ["Notices.AllGood"] = "Mọi thông báo đã được gửi; mẫu thư hợp lệ.",
        ["Notices.DeadLetters"] = "Xem thư không gửi được",
        ["DeadLetters.GiveUp"] = "Bỏ qua (không gửi nữa)",
        ["DeadLetters.GivenUp"] = "Đã bỏ qua thư",
        // A reporting deadline's time left, on the overview, the incident and its report.
        ["Deadline.Met"] = "đã hoàn thành",
        ["Deadline.StoppedFalsePositive"] = "đã dừng (cảnh báo nhầm)",
        ["Deadline.StoppedResolved"] = "đã dừng (sự cố đã khắc phục)",
        ["Deadline.Left"] = "còn {0}",
        ["Deadline.Overdue"] = "quá hạn {0}",
        ["Deadline.DaysHours"] = "{0} ngày {1} giờ",
        ["Deadline.HoursMinutes"] = "{0} giờ {1} phút",
        ["Deadline.Minutes"] = "{0} phút",
    };
}

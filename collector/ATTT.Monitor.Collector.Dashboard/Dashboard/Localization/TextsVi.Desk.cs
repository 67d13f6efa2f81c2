namespace ATTT.Monitor.Collector.Dashboard.Localization;

public static partial class TextsVi
{
    // Texts of bulk changes and exports on the incident list, the monthly report page and the PCs named only by events.
    private static Dictionary<string, string> Desk => new()
    {
        ["Bulk.Title"] = "Xử lý nhiều sự cố cùng lúc",
        ["Bulk.Pick"] = "Chọn",
        ["Bulk.PickOne"] = "Chọn sự cố số {0}",
        ["Bulk.SelectPage"] = "Chọn tất cả sự cố trên trang này",
        ["Bulk.UnselectPage"] = "Bỏ chọn tất cả trên trang này",
        ["Bulk.Action"] = "Thao tác",
        ["Bulk.Action.assign"] = "Giao cho người xử lý",
        ["Bulk.Action.state"] = "Đổi trạng thái",
        ["Bulk.Action.false_positive"] = "Đánh dấu cảnh báo nhầm",
        ["Bulk.Action.comment"] = "Thêm ghi chú",
        ["Bulk.Assignee"] = "Người xử lý (để trống: bỏ giao)",
        ["Bulk.State"] = "Trạng thái mới",
        ["Bulk.Note"] = "Ghi chú (bắt buộc khi thêm ghi chú)",
        ["Bulk.Suppress"] = "Khi đánh dấu cảnh báo nhầm: thêm bộ lọc để quy tắc không báo lại cho máy trạm này",
        ["Bulk.ApplySelected"] = "Áp dụng cho các sự cố đã chọn",
        ["Bulk.ApplyFilter"] = "Áp dụng cho cả {0} sự cố khớp bộ lọc",
        ["Bulk.Cap"] = "Mỗi lần xử lý tối đa {0} sự cố; mỗi thay đổi được ghi nhật ký như khi xử lý từng sự cố.",
        ["Bulk.OverCap"] = "Bộ lọc khớp {0} sự cố: chỉ {1} sự cố đầu tiên (theo thứ tự trong danh sách) được xử lý.",
        ["Bulk.Done"] = "{0}: đã thay đổi {1} sự cố, không thay đổi được {2} sự cố.",
        ["Bulk.FiltersAdded"] = "Đã thêm {0} bộ lọc cảnh báo nhầm.",
        ["Bulk.WasCapped"] = "Bộ lọc khớp {0} sự cố; chỉ {1} sự cố đầu tiên được xử lý. Lặp lại để xử lý tiếp.",
        ["Bulk.IncidentNumber"] = "Sự cố số {0}",
        ["Bulk.MoreFailures"] = "… và {0} sự cố khác không thay đổi được.",
        ["Bulk.NoAction"] = "Chưa chọn thao tác.",
        ["Bulk.NoState"] = "Chưa chọn trạng thái mới.",
        ["Bulk.NoneSelected"] = "Chưa chọn sự cố nào: đánh dấu ô \"Chọn\" ở từng dòng, hoặc áp dụng cho mọi sự cố khớp bộ lọc.",
        ["Export.Csv"] = "Tải CSV (Excel)",
        ["Export.Json"] = "Tải JSON",
        ["Export.Id"] = "Số sự cố",
        ["Export.DetectedAt"] = "Phát hiện lúc",
        ["Export.FirstSeen"] = "Lần đầu ghi nhận",
        ["Export.Rule"] = "Quy tắc",
    };
}

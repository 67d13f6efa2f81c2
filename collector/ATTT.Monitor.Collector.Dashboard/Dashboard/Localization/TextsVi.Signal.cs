namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsVi
{
    // Texts of a PC's detection evidence and silence.
    private static Dictionary<string, string> Signal => new()
    {
        ["Pcs.Evidence"] = "Dấu hiệu ghi nhận (mức thấp, chưa thành sự cố)",
        ["Pcs.EvidenceHelp"] = "Các phát hiện mức thấp và thông tin trên máy này: tự chúng không mở sự cố, nhưng giúp hiểu một sự cố sau này. Mới nhất ở trên.",
        ["Pcs.NoEvidence"] = "Chưa có dấu hiệu nào được ghi nhận trên máy này.",
        ["Pcs.EvidenceInIncident"] = "trong sự cố #{0}",
        ["Pcs.EvidencePaging"] = "Trang dấu hiệu",
        ["Pcs.NewerEvidence"] = "← Mới hơn",
        ["Pcs.OlderEvidence"] = "Cũ hơn →",
        ["Pcs.Silence"] = "Liên lạc của tác tử",
        ["Pcs.SilentInHours"] = "Máy mất liên lạc trong giờ làm việc từ {0}: cần kiểm tra máy có bật và tác tử có chạy không.",
        ["Pcs.SilentOutOfHours"] = "Máy không gửi dữ liệu từ {0}, ngoài giờ làm việc: bình thường nếu máy đã tắt.",
        ["Pcs.SilentHasIncident"] = "Đã cả một ngày làm việc không liên lạc: đã mở sự cố mức thấp.",
        ["Pcs.Reporting"] = "Máy đang gửi dữ liệu bình thường.",
        ["Pcs.SilenceChecked"] = "Kiểm tra lúc {0}.",
    };
}

namespace ATTT.Monitor.Collector.Reports;

/// <summary>The authorities' forms (Thông tư 20/2017/TT-BTTTT): Biểu mẫu 03 initial report, 04 closing report.</summary>
public static class ReportForm
{
    public const string Initial = "03";
    public const string Closing = "04";

    public static string Title(string form) => form == Closing
        ? "BÁO CÁO KẾT THÚC ỨNG PHÓ SỰ CỐ AN TOÀN THÔNG TIN MẠNG"
        : "BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG";

    public static string ShortTitle(string form) => form == Closing ? "Báo cáo kết thúc (Biểu mẫu 04)" : "Báo cáo ban đầu (Biểu mẫu 03)";

    public static bool IsKnown(string form) => form is Initial or Closing;
}

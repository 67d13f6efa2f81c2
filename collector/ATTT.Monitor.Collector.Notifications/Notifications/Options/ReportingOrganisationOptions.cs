namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>Who reports (Mẫu 03/04 header fields) and the defaults for the system described.</summary>
public sealed class ReportingOrganisationOptions
{
    public string Organisation { get; set; } = "UBND xã";

    public string Address { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string Operator { get; set; } = "";

    public string Owner { get; set; } = "";

    public string SystemName { get; set; } = "Hệ thống máy trạm và mạng nội bộ";

    public int SecurityLevel { get; set; } = 2;

    public string OperatingSystems { get; set; } = "Windows";

    public string Services { get; set; } = "";

    public string MeasuresInPlace { get; set; } = "Phần mềm diệt virus, giám sát nhật ký bằng ATTT Monitor";

    public string Signatory { get; set; } = "";

    /// <summary>A .ttf with Vietnamese letters for PDF reports; default: Noto Sans, then DejaVu Sans, then Arial.</summary>
    public string? PdfFontFile { get; set; }

    public string? PdfBoldFontFile { get; set; }
}

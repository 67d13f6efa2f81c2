namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Every field of Biểu mẫu 03 (and the fields Biểu mẫu 04 adds), as editable text. Filled from the
/// incident and configuration when a draft is made; an officer edits them before sending.
/// </summary>
public sealed class ReportFields
{
    // 1. Tổ chức / cá nhân báo cáo và liên hệ.
    public string ReportingOrganisation { get; set; } = "";
    public string ReportingAddress { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    // 2. Đơn vị vận hành và chủ quản hệ thống.
    public string Operator { get; set; } = "";
    public string Owner { get; set; } = "";

    // 3. Hệ thống bị sự cố.
    public string SystemName { get; set; } = "";
    public string DomainOrIp { get; set; } = "";
    public int SecurityLevel { get; set; } = 2;

    // 4-5. Mô tả, phát hiện.
    public string Description { get; set; } = "";
    public string DetectedAt { get; set; } = "";
    public string IncidentStatus { get; set; } = "";
    public string DetectionMethod { get; set; } = "";

    // 6. Đã thông báo cho.
    public string AlreadyNotified { get; set; } = "";

    // 7-9. Hệ điều hành, dịch vụ, biện pháp, đề nghị hỗ trợ.
    public string OperatingSystems { get; set; } = "";
    public string Services { get; set; } = "";
    public string MeasuresInPlace { get; set; } = "";
    public string SupportRequested { get; set; } = "";

    // 10-12. Bảo mật thông tin, thời gian báo cáo, ký tên.
    public bool KeepConfidential { get; set; } = true;
    public string ReportedAt { get; set; } = "";
    public string Signatory { get; set; } = "";

    // Biểu mẫu 04 only.
    public string InitialReportNumber { get; set; } = "";
    public string InitialReportDate { get; set; } = "";
    public string HandlingResult { get; set; } = "";
    public string Attachments { get; set; } = "";
}

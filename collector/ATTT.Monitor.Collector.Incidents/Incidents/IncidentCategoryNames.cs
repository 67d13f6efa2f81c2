namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The one table of incident categories' names for people, in Vietnamese and English: the dashboard,
/// the exports, the notices to the police and the reports all read it, so a page and a mail never
/// name the same category differently. Written lower-case, as the notices use them inside a
/// sentence ("Loại sự cố: mã độc tống tiền (ransomware)"); the dashboard capitalises a label that
/// stands alone. The Vietnamese uses the brief's words (máy trạm, tác tử, phần mềm diệt virus); an
/// English term the police use as it is stays beside it in brackets. A category that configuration
/// adds and this table does not know is named by its code, never hidden.
/// </summary>
public static class IncidentCategoryNames
{
    private static readonly (string Code, string Vietnamese, string English)[] Table =
    [
        (IncidentCategory.Malware, "mã độc trên máy trạm", "malware on a workstation"),
        (IncidentCategory.Ransomware, "mã độc tống tiền (ransomware)", "ransomware"),
        (IncidentCategory.AccountCompromise, "tài khoản bị xâm phạm", "account compromise"),
        (IncidentCategory.Phishing, "lừa đảo trực tuyến (phishing)", "phishing"),
        (IncidentCategory.Defacement, "thay đổi giao diện cổng thông tin", "portal defacement"),
        (IncidentCategory.DataBreach, "lộ lọt dữ liệu cá nhân", "personal data breach"),
        (IncidentCategory.Intrusion, "xâm nhập trái phép máy trạm", "workstation intrusion"),
        (IncidentCategory.ProtectionDisabled, "tắt bảo vệ / phần mềm diệt virus", "protection or antivirus disabled"),
        (IncidentCategory.AgentSilent, "tác tử mất kết nối", "agent silent"),
        (IncidentCategory.Other, "cảnh báo khác", "other alert"),
    ];

    /// <summary>Every category the product itself assigns, in the table's order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Table.Select(c => c.Code)];

    public static string Vietnamese(string category) => Find(category)?.Vietnamese ?? category;

    public static string English(string category) => Find(category)?.English ?? category;

    private static (string Code, string Vietnamese, string English)? Find(string category)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Code, category, StringComparison.OrdinalIgnoreCase))
                return row;
        }

        return null;
    }
}

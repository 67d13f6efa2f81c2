namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>The configuration a commune would write: contacts, routes, drill recipients; fast retries for tests.</summary>
public static class NotificationSettings
{
    public const string Police = "an-ninh-mang@congan.thainguyen.gov.vn";
    public const string Dost = "ktcn@sokhcn.thainguyen.gov.vn";
    public const string Commune = "lanhdao@sangmoc.thainguyen.gov.vn";
    public const string ItOfficer = "cntt@sangmoc.thainguyen.gov.vn";
    public const string DrillDesk = "dien-tap@sangmoc.thainguyen.gov.vn";

    public static Dictionary<string, string?> Default() => new()
    {
        ["Notifications:Contacts:0:Id"] = "congan",
        ["Notifications:Contacts:0:Name"] = "Phòng An ninh mạng - Công an tỉnh",
        ["Notifications:Contacts:0:Email"] = Police,
        ["Notifications:Contacts:0:Role"] = "police",
        ["Notifications:Contacts:0:IsAuthority"] = "true",
        ["Notifications:Contacts:1:Id"] = "sokhcn",
        ["Notifications:Contacts:1:Name"] = "Sở Khoa học và Công nghệ",
        ["Notifications:Contacts:1:Email"] = Dost,
        ["Notifications:Contacts:1:Role"] = "dost",
        ["Notifications:Contacts:1:IsAuthority"] = "true",
        ["Notifications:Contacts:2:Id"] = "ubnd",
        ["Notifications:Contacts:2:Name"] = "Lãnh đạo UBND xã Sảng Mộc",
        ["Notifications:Contacts:2:Email"] = Commune,
        ["Notifications:Contacts:2:Role"] = "commune",
        ["Notifications:Contacts:3:Id"] = "cntt",
        ["Notifications:Contacts:3:Name"] = "Cán bộ phụ trách CNTT",
        ["Notifications:Contacts:3:Email"] = ItOfficer,
        ["Notifications:Contacts:3:Role"] = "it",
        // Serious incidents: police To, commune and DoST Cc.
        ["Notifications:Routes:0:Name"] = "nghiêm trọng",
        ["Notifications:Routes:0:MinSeverity"] = "High",
        ["Notifications:Routes:0:To:0"] = "congan",
        ["Notifications:Routes:0:Cc:0"] = "ubnd",
        ["Notifications:Routes:0:Cc:1"] = "sokhcn",
        // Everything at medium and above reaches the IT officer.
        ["Notifications:Routes:1:Name"] = "cntt",
        ["Notifications:Routes:1:MinSeverity"] = "Medium",
        ["Notifications:Routes:1:To:0"] = "cntt",
        ["Notifications:Routes:2:Name"] = "digest",
        ["Notifications:Routes:2:MinSeverity"] = "Low",
        ["Notifications:Routes:2:To:0"] = "cntt",
        ["Notifications:EscalationContacts:0"] = "ubnd",
        ["Notifications:DrillRecipients:0"] = DrillDesk,
        ["Notifications:Sender:ImmediateRetries"] = "1",
        ["Notifications:Sender:ImmediateRetryDelay"] = "00:00:00.010",
        ["Notifications:Sender:BaseBackoff"] = "00:00:00.050",
        ["Notifications:Sender:MaxBackoff"] = "00:00:00.200",
        ["Notifications:Sender:BreakerBreakDuration"] = "00:00:00.500",
        ["Notifications:Acknowledgement:PublicBaseUrl"] = "http://127.0.0.1:5080",
    };
}

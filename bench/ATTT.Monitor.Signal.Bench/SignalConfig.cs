using System.Text.Json;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>
/// The collector's configuration for a run: the given rules, and the contacts and routes of
/// docs/notifications.md's example (police To with the commune and DoST in Cc for high and critical;
/// the IT officer for everything). No SMTP host, so the collector writes each message as an .eml file.
/// </summary>
internal static class SignalConfig
{
    public const string PoliceEmail = "anm@congan.example.vn";
    public const string DostEmail = "attt@sokhcn.example.vn";
    public const string CommuneEmail = "lanhdao@xa.example.vn";
    public const string ItOfficerEmail = "cntt@xa.example.vn";

    public static string Write(string folder, IReadOnlyList<string> rulePaths)
    {
        var config = new
        {
            Detection = new { RulePaths = rulePaths },
            Notifications = new
            {
                Contacts = new object[]
                {
                    new { Id = "congan", Name = "Phòng An ninh mạng - Công an tỉnh", Email = PoliceEmail, Role = "police", IsAuthority = true },
                    new { Id = "sokhcn", Name = "Sở Khoa học và Công nghệ", Email = DostEmail, Role = "dost", IsAuthority = true },
                    new { Id = "ubnd", Name = "Lãnh đạo UBND xã", Email = CommuneEmail, Role = "commune", IsAuthority = false },
                    new { Id = "cntt", Name = "Cán bộ phụ trách CNTT", Email = ItOfficerEmail, Role = "it", IsAuthority = false },
                },
                Routes = new object[]
                {
                    new { Name = "nghiêm trọng", MinSeverity = "High", To = new[] { "congan" }, Cc = new[] { "ubnd", "sokhcn" } },
                    new { Name = "cntt", MinSeverity = "Low", To = new[] { "cntt" } },
                },
                EscalationContacts = new[] { "ubnd" },
                Acknowledgement = new { PublicBaseUrl = "http://127.0.0.1:5080" },
                Reporting = new { Organisation = "UBND xã Sảng Mộc", SecurityLevel = 2 },
            },
        };
        var path = Path.Combine(folder, "signal-config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}

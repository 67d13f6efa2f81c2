using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// Valid bodies of every agent call of docs/protocol.md with each optional part filled in, and a way
/// to replace the value of any one field with raw bytes (<see cref="With"/>), to test what the
/// collector does with what an attacker could send.
/// </summary>
internal static class AgentBodies
{
    public static readonly string[] Paths = ["/api/v1/enroll", "/api/v1/events", "/api/v1/heartbeat", "/api/v1/posture"];

    public static byte[] Template(string path, string agentId, string enrollmentCode)
    {
        var now = TestEvents.BaseTime;
        return path switch
        {
            "/api/v1/enroll" => AgentProtocolWriter.Write(new EnrollRequest(enrollmentCode, "PC-KETOAN-02", "Windows 10 Pro 22H2", "0.1.0")),
            "/api/v1/events" => EventWireWriter.SerializeBatch(new EventBatch(agentId, 1, now, 2, [TestEvents.Logon(7)],
                [new ChannelLoss("Security", ChannelLossKind.Wrap, 1001, 1500, 500, now)])),
            "/api/v1/heartbeat" => AgentProtocolWriter.Write(new Heartbeat(agentId, now,
                new HeartbeatInventory("PC-KETOAN-01", "Windows 10 Pro 22H2", ["192.168.1.23"], "0.1.0"),
                new HeartbeatSpool(12, 4096, 3, "Kết nối bị từ chối"))),
            "/api/v1/posture" => AgentProtocolWriter.Write(Posture(agentId, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
        };
    }

    public static PostureReport Posture(string agentId, DateTimeOffset now) => new(agentId, now,
        [new AntivirusProduct("Windows Defender", 397568, true, true, true, "windowsdefender://")],
        new DefenderStatus(true, true, true, "1.421.123.0", now.AddHours(-5), 0, now.AddDays(-1), now.AddDays(-9), true, 1, 9,
            new DefenderExclusions([@"C:\Users\Public\Tools"], [".ps1"], ["mimikatz.exe"], [@"path:C:\Users\Public\Tools"])),
        new PcInventory("Dell Inc.", "OptiPlex 3050", "Intel(R) Core(TM) i3-7100 CPU @ 3.90GHz", 2, 4, 8L * 1024 * 1024 * 1024,
            [new DiskSpace("C:", 255_000_000_000, 40_000_000_000)], "Microsoft Windows 10 Pro", "10.0.19045", 19045, "22H2", 48,
            now.AddDays(-20), "KB5031356", [new BitLockerVolume("C:", BitLockerVolume.Off)], new TpmState(true, true, true, "2.0, 0, 1.38")),
        [new SignatureCertificate("CN=Nguyễn Văn A, O=UBND xã Sảng Mộc", "CN=VNPT Certification Authority, O=VNPT Group, C=VN",
            "5404FFFEB7033FB316D672201B7BA4C0", "0123456789ABCDEF0123456789ABCDEF01234567", now.AddYears(-1), now.AddDays(20),
            ["digitalSignature", "nonRepudiation"], ["1.3.6.1.5.5.7.3.4"], "VNPT-CA", "nguyenvana")],
        [new ChannelState("Security", ChannelState.Ok, null), new ChannelState("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing, null)]);

    /// <summary>A body as the agent posts it: events gzip-compressed, the other calls as plain JSON.</summary>
    internal static HttpContent Content(string path, byte[] body)
    {
        if (path == "/api/v1/events")
            return TestCollector.Gzip(body);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = System.Text.Encoding.UTF8.WebName };
        return content;
    }

    /// <summary>Every field of a body, as the path the collector names in errors (<c>events[0].channel</c>).</summary>
    public static IReadOnlyList<string> Fields(byte[] body) => JsonLeaves.Paths(body);

    /// <summary>The body with the value of <paramref name="field"/> (its quotes included) replaced by <paramref name="raw"/>.</summary>
    public static byte[] With(byte[] body, string field, ReadOnlySpan<byte> raw) => JsonLeaves.Replace(body, field, raw.ToArray());

    /// <summary>The body with the value of <paramref name="field"/> made a JSON string of <paramref name="content"/> (raw bytes between quotes).</summary>
    public static byte[] WithString(byte[] body, string field, ReadOnlySpan<byte> content) => With(body, field, [(byte)'"', .. content, (byte)'"']);
}

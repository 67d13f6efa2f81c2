using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Events.Tests.Support;

/// <summary>Protocol bodies with every optional part filled in, in the shapes an agent on a commune PC sends.</summary>
internal static class ProtocolSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 15, 0, TimeSpan.Zero);

    public static EnrollRequest Enroll() => new("K7QF-93XD-PLM2", "PC-KETOAN-01", "Windows 10 Pro 22H2", "0.1.0");

    public static EnrollResponse EnrollAnswer() => new("a_01J", "secret-token", "xa-sang-moc");

    public static Heartbeat Heartbeat() => new("a_01J", Now,
        new HeartbeatInventory("PC-KETOAN-01", "Windows 10 Pro 22H2", ["192.168.1.23", "fe80::1"], "0.1.0"),
        new HeartbeatSpool(12, 4096, 3, "Kết nối bị từ chối"));

    public static PostureReport Posture() => new("a_01J", Now,
        [new AntivirusProduct("Windows Defender", 397568, true, true, true, "windowsdefender://")],
        new DefenderStatus(true, true, true, "1.421.123.0", Now.AddHours(-5), 0, Now.AddDays(-1), null, false, 1, null,
            new DefenderExclusions([@"C:\Users\Public\Tools"], [".ps1"], ["mimikatz.exe"], [@"path:C:\Users\Public\Tools"])),
        new PcInventory("Dell Inc.", "OptiPlex 3050", "Intel(R) Core(TM) i3-7100 CPU @ 3.90GHz", 2, 4, 4L * 1024 * 1024 * 1024,
            [new DiskSpace("C:", 255_000_000_000, 40_000_000_000)], "Microsoft Windows 10 Pro", "10.0.19045", 19045, "22H2", 48,
            Now.AddDays(-20), "KB5031356", [new BitLockerVolume("C:", BitLockerVolume.Off)], new TpmState(true, true, true, "2.0, 0, 1.38")),
        [new SignatureCertificate("CN=Nguyễn Văn A, O=UBND xã Sảng Mộc", "CN=VNPT Certification Authority, O=VNPT Group, C=VN",
            "5404FFFEB7033FB316D672201B7BA4C0", "0123456789ABCDEF0123456789ABCDEF01234567", Now.AddYears(-1), Now.AddDays(20),
            ["digitalSignature", "nonRepudiation"], ["1.3.6.1.5.5.7.3.4"], "VNPT-CA", "nguyenvana")],
        [new ChannelState("Security", ChannelState.Ok, null), new ChannelState("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing, null)]);

    public static EventBatch Batch() => new("a_01J", 42, Now, 3, [EventBuilder.FailedLogon("Nguyễn Văn A")],
        [new ChannelLoss("Security", ChannelLossKind.Wrap, 1001, 1500, 500, Now)]);
}

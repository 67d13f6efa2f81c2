using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// PCs for indicator 1 of the plan, made the way the collector learns of them: a posture report with
/// an inventory and the users' certificates, as the agent writes it, through the posture service, and
/// a batch reporting a log wrap through the event store.
/// </summary>
public static class DashboardSitePlan
{
    public const long Gigabyte = 1024L * 1024 * 1024;

    public static async Task<AgentIdentity> AddReportingPcAsync(this DashboardSite site, string unit, string host, long ramBytes, int windowsBuild, bool certificate)
    {
        var services = site.App.Services;
        var (agent, _) = await services.GetRequiredService<AgentRegistry>().EnrollInternalAsync(unit, host, isDrill: false, default);
        var now = site.Clock.GetUtcNow();
        var report = new PostureReport(agent.AgentId, now,
            [new AntivirusProduct("Windows Defender", 397568, true, true, true, null)],
            new DefenderStatus(true, true, true, "1.421.123.0", now.AddHours(-5), 0, now.AddDays(-2), now.AddDays(-40), false, 2, 40,
                new DefenderExclusions([@"C:\Users\Public\Tools"], [], [], [@"path:C:\Users\Public\Tools"])),
            new PcInventory("Dell Inc.", "OptiPlex 3050", "Intel(R) Core(TM) i3-7100 CPU @ 3.90GHz", 2, 4, ramBytes,
                [new DiskSpace("C:", 255_000_000_000, 40_000_000_000)], "Microsoft Windows 10 Pro", "10.0." + windowsBuild, windowsBuild, "22H2", 48,
                now.AddDays(-20), "KB5031356", null, new TpmState(true, true, true, "2.0, 0, 1.38")),
            certificate
                ? [new SignatureCertificate("CN=Nguyễn Văn A, O=UBND xã", "CN=VNPT Certification Authority, O=VNPT Group, C=VN",
                    "5404FFFEB7033FB316D672201B7BA4C0", "0123456789ABCDEF0123456789ABCDEF01234567", now.AddYears(-1), now.AddDays(20),
                    ["digitalSignature", "nonRepudiation"], [], "VNPT-CA", "nguyenvana")]
                : [],
            [new ChannelState("Security", ChannelState.Ok, null), new ChannelState("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing, null)]);
        await services.GetRequiredService<PostureService>().RecordAsync(agent, report, System.Text.Encoding.UTF8.GetString(AgentProtocolWriter.Write(report)), default);
        await services.GetRequiredService<IEventStore>().AppendBatchAsync(agent, new EventBatch(agent.AgentId, 1, now, 3, [],
            [new ChannelLoss("Security", ChannelLossKind.Wrap, 1001, 1500, 500, now)]), now, default);
        return agent;
    }
}

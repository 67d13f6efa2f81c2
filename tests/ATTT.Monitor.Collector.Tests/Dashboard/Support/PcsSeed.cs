using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard.Support;

/// <summary>
/// Puts PCs into a running <see cref="DashboardServer"/> the way the collector learns of them: an
/// enrolled agent, its heartbeat inventory, posture reports through the posture service (which also
/// opens and closes the posture incidents) and event batches through the event store.
/// </summary>
public static class PcsSeed
{
    public enum Av { Protected, RealtimeOff, SignaturesOld, None }

    public static async Task<AgentIdentity> AddPcAsync(
        DashboardServer server, string unit, string host, string os = "Windows 10 Pro 22H2 (19045)", string version = "0.9.3", params string[] ips)
    {
        var registry = server.App.Services.GetRequiredService<AgentRegistry>();
        var (agent, _) = await registry.EnrollInternalAsync(unit, host, isDrill: false, default);
        await registry.RecordHeartbeatAsync(agent.AgentId, new Heartbeat(agent.AgentId, null, new HeartbeatInventory(null, os, ips.Length == 0 ? ["10.0.0.15"] : ips, version), new HeartbeatSpool(0, 0, 0, null)), default);
        return agent;
    }

    public static Task ReportAsync(DashboardServer server, AgentIdentity agent, Av av, string product = "Windows Defender")
    {
        var now = server.Clock.GetUtcNow();
        var defender = new DefenderStatus(true, av != Av.RealtimeOff, true, "1.421.123.0",
            now.AddDays(av == Av.SignaturesOld ? -10 : -0.5), null, now.AddHours(-3), null, true);
        var report = av == Av.None
            ? new PostureReport(agent.AgentId, now, [], null)
            : new PostureReport(agent.AgentId, now, [new AntivirusProduct(product, 397568, true, true, true, null)], defender);
        return server.App.Services.GetRequiredService<PostureService>().RecordAsync(agent, report, "{}", default);
    }

    public static async Task AddEventsAsync(DashboardServer server, AgentIdentity agent, long sequence, IReadOnlyList<EventRecord> events)
    {
        var store = server.App.Services.GetRequiredService<IEventStore>();
        await store.AppendBatchAsync(agent, new EventBatch(agent.AgentId, sequence, server.Clock.GetUtcNow(), 0, events), server.Clock.GetUtcNow(), default);
    }

    public static IReadOnlyList<EventRecord> Logons(int count, long firstRecordId = 1, string computer = "PC-KETOAN-01") =>
        Enumerable.Range(0, count).Select(i => TestEvents.Logon(firstRecordId + i, computer)).ToList();
}

using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// PCs for <see cref="DashboardSite"/>, made the way the collector learns of them: an enrolled
/// agent, its heartbeat inventory, a posture report through the posture service (which opens the
/// posture incidents) and its events through the event store. Kept beside the site so the site's
/// own file stays small.
/// </summary>
public static class DashboardSitePcs
{
    public static async Task<AgentIdentity> AddPcAsync(this DashboardSite site, string unit, string host, string os, string product, bool realtime, IReadOnlyList<EventRecord> events)
    {
        var services = site.App.Services;
        var registry = services.GetRequiredService<AgentRegistry>();
        var (agent, _) = await registry.EnrollInternalAsync(unit, host, isDrill: false, default);
        await registry.RecordHeartbeatAsync(agent.AgentId, new Heartbeat(agent.AgentId, null, new HeartbeatInventory(null, os, ["192.168.1.20", "fe80::1c2d"], "0.9.4"), new HeartbeatSpool(0, 0, 0, null)), default);
        var now = site.Clock.GetUtcNow();
        var defender = new DefenderStatus(true, realtime, true, "1.421.123.0", now.AddHours(-12), null, now.AddHours(-3), null, true);
        await services.GetRequiredService<PostureService>().RecordAsync(
            agent, new PostureReport(agent.AgentId, now, [new AntivirusProduct(product, 397568, true, realtime, true, null)], defender), "{}", default);
        if (events.Count > 0)
            await services.GetRequiredService<IEventStore>().AppendBatchAsync(agent, new EventBatch(agent.AgentId, 1, now, 0, events), now, default);
        return agent;
    }
}

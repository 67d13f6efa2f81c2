using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Posture;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>What the agent calls can store: events, the agents' rows (heartbeat fields, counters) and posture.</summary>
internal sealed record IngestSnapshot(long Events, string Agents, int Postures)
{
    public static async Task<IngestSnapshot> TakeAsync(TestCollector collector)
    {
        var agents = await collector.Registry.ListAsync(null, CancellationToken.None);
        var postures = await collector.Services.GetRequiredService<PostureStore>().ListAsync(UnitScope.All, CancellationToken.None);
        var rows = agents.Select(a => new { a.AgentId, a.Host, a.OsVersion, a.AgentVersion, a.IpAddresses, a.LastSequence, a.DroppedTotal });
        return new IngestSnapshot(await collector.Store.CountAsync(CancellationToken.None), JsonSerializer.Serialize(rows), postures.Count);
    }
}

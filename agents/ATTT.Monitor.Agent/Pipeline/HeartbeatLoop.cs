using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Transport;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>Heartbeats with the inventory and the spool's state, at start and then every interval.</summary>
internal sealed class HeartbeatLoop(CollectorClient client, AgentCredentials credentials, DiskSpool spool, CheckpointStore checkpoint,
    TimeSpan interval, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            var stats = spool.Statistics;
            var state = checkpoint.Current;
            var body = AgentProtocolWriter.Write(new Heartbeat(credentials.AgentId, DateTimeOffset.UtcNow, HostInventory.Collect().ToWire(),
                new HeartbeatSpool(stats.DepthEvents, stats.DepthBytes, state.DroppedTotal, state.LastError)));
            var outcome = await client.SendJsonAsync("api/v1/heartbeat", body, credentials, cancellationToken).ConfigureAwait(false);
            if (outcome.Status != SendStatus.Accepted)
                logger.LogWarning("Heartbeat not delivered: {Error}", outcome.Error);
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("Footprint: {Footprint}", ProcessFootprint.Describe());
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}

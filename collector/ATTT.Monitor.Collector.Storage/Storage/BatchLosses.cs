using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// What one stored batch says was lost before it: events the agent dropped itself (spool full,
/// quarantined) and event log records it never read, per channel (log wraps, record-id gaps).
/// Both are committed with the batch, so a crash cannot keep one and lose the other.
/// </summary>
public sealed record BatchLosses(string AgentId, long Sequence, DateTimeOffset ReceivedAt, long Dropped, IReadOnlyList<ChannelLoss> Channels)
{
    /// <summary>Event log records lost on the PC, all channels together.</summary>
    public long ChannelRecords => Channels.Sum(c => c.Records);
}

using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Spool;

/// <summary>
/// One batch as the spool holds it: its sequence number (assigned once, kept on every re-send), the
/// source position after its last event, its events as the wire format's JSON array, and the channel
/// losses found just before them (sent in the batch's <c>losses</c>, so they reach the collector once,
/// with the batch, whatever crashes in between).
/// </summary>
public sealed record SpooledBatch(long Sequence, int EventCount, string? Position, ReadOnlyMemory<byte> EventsJson, IReadOnlyList<ChannelLoss>? Losses = null);

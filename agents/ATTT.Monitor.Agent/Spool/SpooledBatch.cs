namespace ATTT.Monitor.Agent.Spool;

/// <summary>
/// One batch as the spool holds it: its sequence number (assigned once, kept on every re-send), the
/// source position after its last event, and its events as the wire format's JSON array.
/// </summary>
public sealed record SpooledBatch(long Sequence, int EventCount, string? Position, ReadOnlyMemory<byte> EventsJson);

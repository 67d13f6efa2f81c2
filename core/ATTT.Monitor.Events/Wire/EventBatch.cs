namespace ATTT.Monitor.Events.Wire;

/// <summary>The body of <c>POST /api/v1/events</c> (docs/protocol.md).</summary>
public sealed record EventBatch(
    string AgentId,
    long Sequence,
    DateTimeOffset SentAt,
    long Dropped,
    IReadOnlyList<EventRecord> Events)
{
    public const int ProtocolVersion = 1;
    public const int MaxEvents = 5000;
    public const int MaxUncompressedBytes = 16 * 1024 * 1024;
}

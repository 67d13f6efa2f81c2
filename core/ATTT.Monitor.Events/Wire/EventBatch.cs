namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// The body of <c>POST /api/v1/events</c> (docs/protocol.md). <see cref="Dropped"/> counts events the
/// agent discarded itself (spool full, quarantined); <see cref="Losses"/> names event log records the
/// agent could not read (log overwritten, record ids skipped). Both are stored with the batch, in the
/// same transaction, and only once per sequence number.
/// </summary>
public sealed record EventBatch(
    string AgentId,
    long Sequence,
    DateTimeOffset SentAt,
    long Dropped,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<ChannelLoss>? Losses = null)
{
    public const int ProtocolVersion = 1;
    public const int MaxEvents = 5000;
    public const int MaxUncompressedBytes = 16 * 1024 * 1024;
}

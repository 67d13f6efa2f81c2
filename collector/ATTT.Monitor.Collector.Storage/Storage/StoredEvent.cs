using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// An event as the collector stored it. <see cref="Id"/> is assigned by the collector, strictly
/// increasing in storage order, so the detection pipeline can resume from a checkpoint.
/// <see cref="Unit"/>, <see cref="AgentId"/> and <see cref="IsDrill"/> come from the sending agent's
/// identity, never from the event body.
/// </summary>
public sealed record StoredEvent(
    long Id,
    string AgentId,
    string Unit,
    bool IsDrill,
    DateTimeOffset ReceivedAt,
    EventRecord Event);

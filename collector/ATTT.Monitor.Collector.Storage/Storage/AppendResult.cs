namespace ATTT.Monitor.Collector.Storage;

/// <summary>What <see cref="IEventStore.AppendBatchAsync"/> did.</summary>
public sealed record AppendResult(long Sequence, int Accepted, bool Duplicate, long LastEventId);

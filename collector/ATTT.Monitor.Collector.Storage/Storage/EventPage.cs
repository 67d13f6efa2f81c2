namespace ATTT.Monitor.Collector.Storage;

/// <summary>One page of <see cref="IEventStore.ListByAgentAsync"/>, newest first by id.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long? NextBeforeId);

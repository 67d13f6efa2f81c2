namespace ATTT.Monitor.Collector.Storage;

/// <summary>One page of <see cref="IEventStore.SearchAsync"/>, newest first.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long? NextBeforeId);

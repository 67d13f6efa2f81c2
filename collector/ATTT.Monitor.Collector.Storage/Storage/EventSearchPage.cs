namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// One page of <see cref="IEventStore.SearchAsync"/>, newest first. <see cref="Next"/> continues the
/// search (null: nothing older matches). <see cref="Scanned"/> is how many candidate events were read
/// and tested against field and text filters; when <see cref="BudgetSpent"/> the page may be short
/// although older events match: the search stopped at <see cref="Next"/>, and continuing goes on from there.
/// </summary>
public sealed record EventSearchPage(IReadOnlyList<StoredEvent> Events, EventCursor? Next, long Scanned = 0, bool BudgetSpent = false);

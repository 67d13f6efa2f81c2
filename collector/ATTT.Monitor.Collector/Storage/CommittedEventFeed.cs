namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Events the store has just committed, handed to the detection pipeline in memory so it need not
/// read back and re-parse what ingest parsed a moment ago. The store stays the source of truth:
/// the feed holds only a bounded, contiguous run of the newest ids, and whenever the pipeline's next
/// id is not at its front (after a restart, or when detection lags and older events were let go)
/// <see cref="TryTake"/> says so and the pipeline reads the store, exactly as without the feed.
/// Publishing never waits for detection, so a stalled pipeline cannot slow ingest.
/// </summary>
public sealed class CommittedEventFeed
{
    private readonly Lock _lock = new();
    private readonly LinkedList<IReadOnlyList<StoredEvent>> _chunks = new();
    private readonly int _capacity;
    private int _buffered;
    private long _lastPublishedId;

    /// <param name="capacity">Most events held; 0 turns the feed off (the pipeline always reads the store).</param>
    public CommittedEventFeed(int capacity) => _capacity = Math.Max(0, capacity);

    /// <summary>
    /// Adds events just committed, ids strictly increasing and contiguous, each call after the
    /// previous one's ids. Called by the store's single writer after its transaction committed.
    /// </summary>
    public void Publish(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            return;
        lock (_lock)
        {
            if (events[0].Id != _lastPublishedId + 1)
                Clear(); // not contiguous with what is held: drop it, the store fills the gap
            _lastPublishedId = events[^1].Id;
            if (events.Count > _capacity || events[^1].Id - events[0].Id != events.Count - 1)
            {
                Clear();
                return;
            }

            // Detection is behind: let the oldest go rather than hold memory or slow ingest.
            while (_buffered + events.Count > _capacity && _chunks.First is { } oldest)
            {
                _buffered -= oldest.Value.Count;
                _chunks.RemoveFirst();
            }

            _chunks.AddLast(events);
            _buffered += events.Count;
        }
    }

    /// <summary>Events held right now (for statistics and tests).</summary>
    public int Buffered
    {
        get
        {
            lock (_lock)
                return _buffered;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events with ids from <paramref name="afterId"/> + 1 on, in id
    /// order, when the feed holds the event right after <paramref name="afterId"/>; null when it
    /// does not (read the store instead). Events at or before <paramref name="afterId"/> are let go.
    /// </summary>
    public IReadOnlyList<StoredEvent>? TryTake(long afterId, int max)
    {
        lock (_lock)
        {
            // Let go of everything up to afterId, including the front of a chunk.
            while (_chunks.First is { } first && first.Value[^1].Id <= afterId)
            {
                _buffered -= first.Value.Count;
                _chunks.RemoveFirst();
            }

            if (_chunks.First is not { } head)
                return null;
            var chunk = head.Value;
            var skip = Math.Max(0, afterId + 1 - chunk[0].Id);
            if (skip >= chunk.Count || chunk[(int)skip].Id != afterId + 1)
                return null;

            var taken = new List<StoredEvent>(Math.Min(max, _buffered));
            var next = afterId + 1;
            while (taken.Count < max && _chunks.First is { } node)
            {
                var current = node.Value;
                var start = (int)Math.Max(0, next - current[0].Id);
                if (current[start].Id != next)
                    break; // a gap between chunks: the rest comes from the store
                var count = Math.Min(current.Count - start, max - taken.Count);
                for (var i = start; i < start + count; i++)
                    taken.Add(current[i]);
                next = current[start + count - 1].Id + 1;
                if (start + count < current.Count)
                    break; // the slice is full; the chunk's rest stays for the next call
                _buffered -= current.Count;
                _chunks.RemoveFirst();
            }

            return taken;
        }
    }

    private void Clear()
    {
        _chunks.Clear();
        _buffered = 0;
    }
}

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Events the store has just committed, handed to the detection pipeline in memory so it need not
/// read back and re-parse what ingest parsed a moment ago. The store stays the source of truth:
/// the feed holds only a bounded, contiguous run of the newest ids, and whenever the pipeline's next
/// id is not at its front (after a restart, or when detection lags and older events were let go)
/// <see cref="TryTake"/> says so and the pipeline reads the store, exactly as without the feed.
/// Publishing never waits for detection, so a stalled pipeline cannot slow ingest. The feed also
/// knows how far detection is behind (<see cref="Backlog"/>): ingest holds new batches back while
/// detection lags beyond what the feed serves (<see cref="WaitForDetectionAsync"/>).
/// </summary>
public sealed class CommittedEventFeed
{
    private readonly Lock _lock = new();
    private readonly LinkedList<IReadOnlyList<StoredEvent>> _chunks = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private int _buffered;
    private long _lastPublishedId;
    // Where detection reads (the id it asked to follow), and when it last asked; -1 until it first asks.
    private long _consumerAfter = -1;
    private long _consumerAskedAt;
    // Completed (and replaced) each time detection asks for more, waking ingest requests held back.
    private TaskCompletionSource _consumerMoved = NewSignal();

    /// <param name="capacity">Most events held; 0 turns the feed off (the pipeline always reads the store).</param>
    /// <param name="time">Clock for telling a detection pipeline that lags from one that stopped.</param>
    public CommittedEventFeed(int capacity, TimeProvider? time = null)
    {
        _capacity = Math.Max(0, capacity);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Most events the feed holds (0: off).</summary>
    public int Capacity => _capacity;

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
            NoteConsumer(afterId);
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

    /// <summary>
    /// Events committed that detection has not read yet (0 before it first reads, or when nothing
    /// is published here, e.g. with another store).
    /// </summary>
    public long Backlog
    {
        get
        {
            lock (_lock)
                return BacklogLocked();
        }
    }

    /// <summary>
    /// Waits until detection has read to within <paramref name="maxBacklog"/> events of the newest
    /// committed event, at most <paramref name="maxWait"/>. True when within; true as well when
    /// detection has not asked for events for <paramref name="stalledAfter"/> (a stopped pipeline
    /// must not stop ingest: the store holds the events for when it resumes). False when detection
    /// is working but still further behind after <paramref name="maxWait"/>.
    /// </summary>
    public async Task<bool> WaitForDetectionAsync(long maxBacklog, TimeSpan maxWait, TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(maxWait.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            Task moved;
            lock (_lock)
            {
                if (BacklogLocked() <= maxBacklog || _time.GetElapsedTime(_consumerAskedAt) >= stalledAfter)
                    return true;
                moved = _consumerMoved.Task;
            }

            var left = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
                return false;
            try
            {
                await moved.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then given up.
            }
        }
    }

    private long BacklogLocked() => _consumerAfter < 0 ? 0 : Math.Max(0, _lastPublishedId - _consumerAfter);

    private void NoteConsumer(long afterId)
    {
        _consumerAskedAt = _time.GetTimestamp();
        if (afterId == _consumerAfter)
            return;
        _consumerAfter = afterId;
        var moved = _consumerMoved;
        _consumerMoved = NewSignal();
        moved.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Clear()
    {
        _chunks.Clear();
        _buffered = 0;
    }
}

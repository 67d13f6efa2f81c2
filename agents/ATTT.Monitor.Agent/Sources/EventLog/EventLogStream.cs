using System.Threading.Channels;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// The open <see cref="EventLogSource"/>: one reader task per channel writes into a bounded queue,
/// and the agent's reading thread takes events from it, blocking while it is empty. The position of
/// each event covers every channel (the last record read from each). A loss ends a read at once, so
/// the batcher takes it (<see cref="TakeLosses"/>) even when no event follows.
/// </summary>
internal sealed class EventLogStream : IEventStream
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);
    private readonly ChannelReader<EventLogItem> _merged;
    private readonly List<Task> _readers;
    private readonly CancellationTokenSource _stop;
    private readonly List<Events.Wire.ChannelLoss> _losses = [];
    private WindowsPosition _position;
    private Task<bool>? _waiting;

    public EventLogStream(ChannelReader<EventLogItem> merged, WindowsPosition position, List<Task> readers, CancellationTokenSource stop)
    {
        _merged = merged;
        _position = position;
        _readers = readers;
        _stop = stop;
    }

    /// <summary>The event log does not end.</summary>
    public bool Ended => false;

    public bool TryRead(TimeSpan wait, CancellationToken cancellationToken, out SourcedEvent next)
    {
        cancellationToken.ThrowIfCancellationRequested();
        next = default;
        EventLogItem item;
        while (!_merged.TryRead(out item))
        {
            // One wait is kept across calls that time out, so waits do not pile up on the queue.
            var waiting = _waiting ??= _merged.WaitToReadAsync(_stop.Token).AsTask();
            if (!waiting.Wait(wait, cancellationToken)) // throws OperationCanceledException once cancelled
                return false;
            _waiting = null;
            if (!waiting.Result)
                throw new InvalidOperationException("The event log channel readers stopped.");
        }

        if (item.Loss is { } loss)
            _losses.Add(loss);
        if (item.Event is not { } record)
            return false;
        _position = _position.With(item.Channel, record.RecordId);
        next = new SourcedEvent(record, _position);
        return true;
    }

    public IReadOnlyList<Events.Wire.ChannelLoss> TakeLosses()
    {
        if (_losses.Count == 0)
            return [];
        var taken = _losses.ToList();
        _losses.Clear();
        return taken;
    }

    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll(_readers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), StopWait);
        _stop.Dispose();
    }
}

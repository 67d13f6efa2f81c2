using System.Runtime.Versioning;
using System.Threading.Channels;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// The open <see cref="WindowsEventSource"/>: one reader task per event log channel writes into a
/// bounded queue, and the agent's reading thread takes events from it, blocking while it is empty.
/// The position of each event covers every channel (the last record id read from each).
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsEventStream : IEventStream
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);
    private readonly ChannelReader<(Events.EventRecord Event, string Channel)> _merged;
    private readonly List<Task> _readers;
    private readonly CancellationTokenSource _stop;
    private WindowsPosition _position;
    private Task<bool>? _waiting;

    public WindowsEventStream(ChannelReader<(Events.EventRecord Event, string Channel)> merged, WindowsPosition position,
        List<Task> readers, CancellationTokenSource stop)
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
        (Events.EventRecord Event, string Channel) item;
        while (!_merged.TryRead(out item))
        {
            // One wait is kept across calls that time out, so waits do not pile up on the queue.
            var waiting = _waiting ??= _merged.WaitToReadAsync(_stop.Token).AsTask();
            if (!waiting.Wait(wait, cancellationToken)) // throws OperationCanceledException once cancelled
            {
                next = default;
                return false;
            }

            _waiting = null;
            if (!waiting.Result)
                throw new InvalidOperationException("The event log channel readers stopped.");
        }

        _position = _position.With(item.Channel, item.Event.RecordId);
        next = new SourcedEvent(item.Event, _position);
        return true;
    }

    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll(_readers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), StopWait);
        _stop.Dispose();
    }
}

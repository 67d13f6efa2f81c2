namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// An open replay: the source's events in order (read on the calling thread), each let go at its
/// turn by the <see cref="ReplayPacer"/>. The next event is read before its turn is waited for, so the
/// end of the replay is known as soon as the last event has left.
/// </summary>
internal sealed class ReplayStream : IEventStream
{
    private readonly IEnumerator<SourcedEvent> _events;
    private readonly ReplayPacer _pacer;
    private SourcedEvent? _next;

    public ReplayStream(IEnumerable<SourcedEvent> events, double eventsPerSecond)
    {
        _events = events.GetEnumerator();
        _pacer = new ReplayPacer(eventsPerSecond);
    }

    public bool Ended { get; private set; }

    public bool TryRead(TimeSpan wait, CancellationToken cancellationToken, out SourcedEvent next)
    {
        cancellationToken.ThrowIfCancellationRequested();
        next = default;
        if (_next is null)
        {
            if (Ended || !_events.MoveNext())
            {
                Ended = true;
                return false;
            }

            _next = _events.Current;
        }

        if (!_pacer.WaitTurn(wait, cancellationToken))
            return false;
        next = _next.Value;
        _next = null;
        return true;
    }

    public void Dispose() => _events.Dispose();
}

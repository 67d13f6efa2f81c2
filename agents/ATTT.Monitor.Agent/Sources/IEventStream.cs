namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// An open source, read by one thread that blocks in <see cref="TryRead"/>: the agent's reading
/// thread (<see cref="Pipeline.EventBatcher"/>). Blocking reads with a time limit let that one thread
/// both wait for events and cut a batch when its flush deadline comes, without a timer or a hand-off
/// to another thread for every event or pause (docs/agent.md, "Footprint": each such hand-off cost
/// more CPU than reading the events).
/// </summary>
public interface IEventStream : IDisposable
{
    /// <summary>True once a finite source has given its last event; <see cref="TryRead"/> then returns false at once.</summary>
    bool Ended { get; }

    /// <summary>
    /// Waits up to <paramref name="wait"/> (<see cref="Timeout.InfiniteTimeSpan"/>: until an event
    /// comes or the source ends) for the next event. False when none came in time or the source ended
    /// (see <see cref="Ended"/>). Throws <see cref="OperationCanceledException"/> once cancelled.
    /// </summary>
    bool TryRead(TimeSpan wait, CancellationToken cancellationToken, out SourcedEvent next);

    /// <summary>
    /// Records the source found it will never deliver (an event log overwritten, record ids skipped),
    /// since the last call; they go into the open batch, before the events read after them. A read may
    /// return false early so that a loss found while no event comes is not held back. Replays lose nothing.
    /// </summary>
    IReadOnlyList<Events.Wire.ChannelLoss> TakeLosses() => [];
}

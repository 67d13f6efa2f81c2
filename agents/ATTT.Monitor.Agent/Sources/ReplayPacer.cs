using System.Diagnostics;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Holds a replay to a steady rate (events per second) for demos and the footprint benchmark.
/// It sleeps only once it is a whole slice (100 ms) ahead of the schedule, so events leave in small
/// groups a few times a second instead of one wake-up per event; over any second the rate holds.
/// It sleeps on the reading thread itself (see <see cref="IEventStream"/>).
/// </summary>
internal sealed class ReplayPacer
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);
    private readonly double _perSecond;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _count;

    public ReplayPacer(double perSecond) => _perSecond = perSecond;

    /// <summary>
    /// Waits for the next event's turn, but no longer than <paramref name="limit"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: no limit). True when it is the event's turn (the event
    /// is then counted as sent); false when the limit came first.
    /// </summary>
    public bool WaitTurn(TimeSpan limit, CancellationToken cancellationToken)
    {
        if (_perSecond > 0)
        {
            var wait = TimeSpan.FromSeconds(_count / _perSecond) - _clock.Elapsed;
            if (wait > Slice)
            {
                var sleep = limit == Timeout.InfiniteTimeSpan || wait < limit ? wait : limit;
                if (sleep > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(sleep))
                    cancellationToken.ThrowIfCancellationRequested();
                if (sleep < wait)
                    return false;
            }
        }

        _count++;
        return true;
    }
}

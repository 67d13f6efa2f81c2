using System.Diagnostics;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Holds a replay to a steady rate (events per second) for demos and the footprint benchmark.
/// It sleeps only once it is a whole slice (100 ms) ahead of the schedule, so events leave in small
/// groups a few times a second instead of one timer per event; over any second the rate holds.
/// </summary>
internal sealed class ReplayPacer
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);
    private readonly double _perSecond;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _count;

    public ReplayPacer(double perSecond) => _perSecond = perSecond;

    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_perSecond <= 0)
            return;
        var due = TimeSpan.FromSeconds(_count++ / _perSecond);
        var wait = due - _clock.Elapsed;
        if (wait > Slice)
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}

using System.Diagnostics;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>Holds a replay to a steady rate (events per second) for demos and the footprint benchmark.</summary>
internal sealed class ReplayPacer
{
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
        if (wait > TimeSpan.FromMilliseconds(1))
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}

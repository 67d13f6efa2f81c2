using System.Threading.Channels;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// An auto-reset wake-up for the single detection reader. A notification made while nobody waits
/// is kept (at most one), so a reader that checks the store and then waits never misses events
/// stored in between.
/// </summary>
public sealed class EventAppendedSignal : IEventAppendedSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false, SingleWriter = false });

    public void Notify() => _pending.Writer.TryWrite(true);

    public async ValueTask WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
            return;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller polls the store anyway.
        }
    }
}

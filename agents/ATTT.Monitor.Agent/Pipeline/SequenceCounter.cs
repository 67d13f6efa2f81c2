namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>Batch sequence numbers: strictly increasing, continuing after the highest one ever spooled or acknowledged.</summary>
internal sealed class SequenceCounter
{
    private long _last;

    public SequenceCounter(long last) => _last = last;

    public long Next() => Interlocked.Increment(ref _last);
}

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Wakes the detection pipeline as soon as events are stored, so it need not poll tightly.
/// The pipeline still reads from the store (<see cref="IEventStore.ReadAfterAsync"/>), which is
/// what makes it crash-safe; the signal only cuts latency.
/// </summary>
public interface IEventAppendedSignal
{
    void Notify();
    ValueTask WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Bounds how many event batches are decoded and stored at once. A request that finds the gate
/// full is refused at once (503) rather than queued, so memory stays bounded under any flood.
/// </summary>
internal sealed class IngestGate(IngestOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrentBatches));

    public bool TryEnter() => _slots.Wait(0);

    /// <summary>Batches being decoded or stored now.</summary>
    public int Busy => Math.Max(1, options.MaxConcurrentBatches) - _slots.CurrentCount;

    public void Exit() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}

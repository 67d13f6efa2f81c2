namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// Every <see cref="Interval"/> (the first falls after start-up's compilation is mostly done): a
/// full, compacting garbage collection, then the C heap's free pages back to the system
/// (<see cref="NativeHeap.Trim"/>), unless less than <see cref="MinimumAllocated"/> was allocated
/// since the last one (a quiet PC then does nothing at all). Objects that live a few seconds (the
/// EVTX reader's per-chunk data, a batch in flight) get promoted, and at 50 events/s nothing
/// triggers a gen 2 collection for minutes: the resident set crept up by some 2.5 MB over 160 s with
/// garbage (docs/agent.md, "Footprint", session 5). A quiet PC kept start-up's garbage until its
/// first trim (session 6). The live heap is 1-3 MB: the collection takes about a millisecond and
/// frees only garbage; the trim costs microseconds.
/// </summary>
internal sealed class HeapTrimSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    public const long MinimumAllocated = 1024 * 1024;
    private readonly Func<long> _allocatedBytes;
    private long _allocatedAtLastTrim;

    public HeapTrimSchedule()
        : this(() => GC.GetTotalAllocatedBytes(precise: false))
    {
    }

    /// <summary>For tests: <paramref name="allocatedBytes"/> stands for the bytes allocated by the process so far.</summary>
    internal HeapTrimSchedule(Func<long> allocatedBytes) => _allocatedBytes = allocatedBytes;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            TrimIfWorthIt();
    }

    /// <summary>Trims when enough was allocated since the last trim; true when it did.</summary>
    public bool TrimIfWorthIt()
    {
        var allocated = _allocatedBytes();
        if (allocated - _allocatedAtLastTrim < MinimumAllocated)
            return false;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        NativeHeap.Trim();
        _allocatedAtLastTrim = _allocatedBytes();
        return true;
    }
}

namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// Every <see cref="Interval"/>: a full, compacting garbage collection in the runtime's aggressive
/// mode (it also gives back the GC's free regions at once, rather than at a later collection), then
/// the C heap's free pages back to the system (<see cref="NativeHeap.Trim"/>). The first runs 30 s
/// after start, when start-up's compilation is mostly done; later ones only when at least
/// <see cref="MinimumAllocated"/> was allocated since the last, so a quiet PC does nothing.
/// Why: objects that live a few seconds (the EVTX reader's per-chunk data, a batch in flight) get
/// promoted, and at 50 events/s nothing triggers a gen 2 collection for minutes: the resident set
/// crept up by some 2.5 MB over 160 s with garbage (docs/agent.md, "Footprint"). A quiet
/// PC made its first collection only minutes after start, and kept about 3 MB of start-up's memory
/// until then. The live heap is 1-3 MB: a collection takes about a millisecond and frees
/// only garbage; the trim costs microseconds.
/// </summary>
internal sealed class HeapTrimSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    public const long MinimumAllocated = 1024 * 1024;
    private readonly Func<long> _allocatedBytes;
    private long? _allocatedAtLastTrim; // null until the first trim, which always runs

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

    /// <summary>Trims the first time, then when enough was allocated since the last trim; true when it did.</summary>
    public bool TrimIfWorthIt()
    {
        var allocated = _allocatedBytes();
        if (_allocatedAtLastTrim is { } last && allocated - last < MinimumAllocated)
            return false;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        _allocatedAtLastTrim = allocated; // a collection allocates nothing on the managed heap
        return true;
    }
}

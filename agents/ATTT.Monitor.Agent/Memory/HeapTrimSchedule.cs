using System.Diagnostics;

namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// Every <see cref="Interval"/>, from whichever loop is awake (the sender while events flow, the
/// heartbeat when the PC is quiet; the first falls after start-up's compilation is mostly done):
/// a full, compacting garbage collection, then the C heap's free pages back to the system
/// (<see cref="NativeHeap.Trim"/>). Objects that live a few seconds (the EVTX reader's per-chunk
/// data, a batch in flight) get promoted, and at 50 events/s nothing triggers a gen 2 collection for
/// minutes: the resident set crept up by some 2.5 MB over 160 s with garbage (docs/agent.md,
/// "Footprint", session 5). The live heap is 1-3 MB: the collection takes about a millisecond and frees only
/// garbage; the trim costs microseconds.
/// </summary>
internal sealed class HeapTrimSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private long _last = Stopwatch.GetTimestamp();

    public void TrimIfDue()
    {
        var last = Interlocked.Read(ref _last);
        if (Stopwatch.GetElapsedTime(last) < Interval || Interlocked.CompareExchange(ref _last, Stopwatch.GetTimestamp(), last) != last)
            return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        NativeHeap.Trim();
    }
}

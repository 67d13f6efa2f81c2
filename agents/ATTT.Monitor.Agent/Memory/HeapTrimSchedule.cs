using System.Diagnostics;

namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// Trims the C heap (<see cref="NativeHeap.Trim"/>) at most every <see cref="Interval"/>, from
/// whichever loop is awake: the sender while events flow (the first trim falls after start-up's
/// compilation is mostly done), the heartbeat when the PC is quiet. A trim costs microseconds.
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
        NativeHeap.Trim();
    }
}

using ATTT.Monitor.Agent.Memory;

namespace ATTT.Monitor.Agent.Tests.Memory;

public sealed class HeapTrimScheduleTests
{
    [Fact]
    public void The_first_trim_always_runs_and_later_ones_only_once_enough_was_allocated_since_the_last()
    {
        long allocated = 1000; // a start-up that allocated little still leaves its memory to give back
        var schedule = new HeapTrimSchedule(() => allocated);

        Assert.True(schedule.TrimIfWorthIt());
        Assert.False(schedule.TrimIfWorthIt()); // a quiet PC: nothing to collect, nothing done
        allocated += HeapTrimSchedule.MinimumAllocated - 1;
        Assert.False(schedule.TrimIfWorthIt());
        allocated += 1;
        Assert.True(schedule.TrimIfWorthIt());
    }
}

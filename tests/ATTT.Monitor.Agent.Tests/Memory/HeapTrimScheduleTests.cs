using ATTT.Monitor.Agent.Memory;

namespace ATTT.Monitor.Agent.Tests.Memory;

public sealed class HeapTrimScheduleTests
{
    [Fact]
    public void A_trim_is_made_only_once_enough_was_allocated_since_the_last_one()
    {
        long allocated = 5 * HeapTrimSchedule.MinimumAllocated; // start-up
        var schedule = new HeapTrimSchedule(() => allocated);

        Assert.True(schedule.TrimIfWorthIt());
        Assert.False(schedule.TrimIfWorthIt()); // a quiet PC: nothing to collect, nothing done
        allocated += HeapTrimSchedule.MinimumAllocated - 1;
        Assert.False(schedule.TrimIfWorthIt());
        allocated += 1;
        Assert.True(schedule.TrimIfWorthIt());
    }
}

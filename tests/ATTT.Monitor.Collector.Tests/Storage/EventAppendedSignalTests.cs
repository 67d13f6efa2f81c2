using System.Diagnostics;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Tests.Storage;

public sealed class EventAppendedSignalTests
{
    [Fact]
    public async Task A_notification_made_before_waiting_is_not_lost()
    {
        var signal = new EventAppendedSignal();
        signal.Notify();
        signal.Notify();
        var clock = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        // Notifications coalesce: the second wait times out.
        clock.Restart();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Cancellation_is_not_mistaken_for_a_timeout()
    {
        var signal = new EventAppendedSignal();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signal.WaitAsync(TimeSpan.FromSeconds(10), cancel.Token).AsTask());
    }
}

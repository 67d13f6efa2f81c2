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
        var first = signal.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.True(first.IsCompletedSuccessfully, "the kept notification did not end the wait at once");
        await first;
        // Notifications coalesce: the second wait waits until the next notification.
        var second = signal.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        signal.Notify();
        await second.AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Cancellation_is_not_mistaken_for_a_timeout()
    {
        var signal = new EventAppendedSignal();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signal.WaitAsync(TimeSpan.FromSeconds(10), cancel.Token).AsTask());
    }
}

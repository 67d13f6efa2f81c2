using System.Diagnostics;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary>The blocking read of a paced replay: time limits, the end, and cancellation.</summary>
public sealed class ReplayStreamTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_read_whose_limit_comes_before_the_next_turn_returns_nothing_and_the_event_comes_at_its_turn()
    {
        // Half an event a second: the second is due 2 s after the first, far beyond any pause between two reads.
        using var stream = Open(eventsPerSecond: 0.5, JsonlEvents.Line(1), JsonlEvents.Line(2));
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();

        Assert.True(stream.TryRead(TimeSpan.FromMilliseconds(50), ct, out var first));
        Assert.False(stream.TryRead(TimeSpan.FromMilliseconds(50), ct, out _));
        var afterLimit = clock.Elapsed;
        Assert.False(stream.Ended);
        Assert.True(stream.TryRead(Timeout.InfiniteTimeSpan, ct, out var second));
        var afterTurn = clock.Elapsed;
        Assert.False(stream.TryRead(Timeout.InfiniteTimeSpan, ct, out _));

        Assert.True(stream.Ended);
        Assert.Equal([1L, 2L], new[] { first.Event.RecordId, second.Event.RecordId });
        Assert.True(afterLimit >= TimeSpan.FromMilliseconds(45), $"gave up after {afterLimit}");
        Assert.True(afterTurn >= TimeSpan.FromMilliseconds(1900), $"second event after {afterTurn}");
    }

    [Fact]
    public async Task Cancelling_wakes_a_read_that_waits_for_a_distant_turn()
    {
        using var stream = Open(eventsPerSecond: 0.01, JsonlEvents.Line(1), JsonlEvents.Line(2)); // the second is due after 100 s
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Assert.True(stream.TryRead(Timeout.InfiniteTimeSpan, cancel.Token, out _));
        var waiting = Task.Run(() => stream.TryRead(Timeout.InfiniteTimeSpan, cancel.Token, out _), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    private IEventStream Open(double eventsPerSecond, params string[] lines)
    {
        File.WriteAllLines(_folder.Combine("events.jsonl"), lines);
        return new ReplaySource(_folder.Path, InputKinds.Json | InputKinds.Zip, eventsPerSecond, NullLogger.Instance).Open(null);
    }
}

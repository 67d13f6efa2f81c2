using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Pipeline;

/// <summary>The reading thread: batches cut when full, at the flush deadline and at the source's end, into a real spool.</summary>
public sealed class EventBatcherTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SpoolBuilder _spools;

    public EventBatcherTests() => _spools = new SpoolBuilder(_folder.Combine("spool"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Full_batches_are_cut_at_once_and_the_rest_when_the_source_ends()
    {
        using var spool = _spools.Open();
        var options = new PipelineOptions { MaxBatchEvents = 2, FlushInterval = TimeSpan.FromHours(1) };

        var batcher = await RunToEndAsync(spool, options, eventsPerSecond: 0, count: 5);

        Assert.Equal([2, 2, 1], Drain(spool).Select(b => b.EventCount));
        Assert.Equal(5, batcher.EventsRead);
        Assert.Equal(new ReplayPosition("events.jsonl", 5).Serialize(), spool.LastPosition);
    }

    [Fact]
    public async Task A_partial_batch_is_cut_at_its_flush_deadline_while_the_source_waits_for_its_next_turn()
    {
        using var spool = _spools.Open();
        var options = new PipelineOptions { FlushInterval = TimeSpan.FromMilliseconds(100) };

        // Two events a second: each batch's deadline (100 ms) comes long before the next event (500 ms).
        await RunToEndAsync(spool, options, eventsPerSecond: 2, count: 3);

        var batches = Drain(spool);
        Assert.Equal([1, 1, 1], batches.Select(b => b.EventCount));
        Assert.Equal([1L, 2L, 3L], batches.Select(b => b.Sequence));
    }

    [Fact]
    public async Task Stopping_ends_a_reading_thread_that_waits_for_a_distant_turn()
    {
        using var spool = _spools.Open();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = Start(spool, new PipelineOptions { FlushInterval = TimeSpan.FromMilliseconds(50) }, eventsPerSecond: 0.01, count: 2, stop.Token);
        await HeartbeatLoopTests.WaitUntilAsync(() => spool.Statistics.DepthEvents == 1); // the first, cut at its deadline

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_source_that_fails_fails_the_run_with_its_error()
    {
        using var spool = _spools.Open();
        var source = new ReplaySource(_folder.Combine("no-such-folder"), InputKinds.Json | InputKinds.Zip, 0, NullLogger.Instance);
        var batcher = new EventBatcher(source, spool, new SequenceCounter(0), new PipelineOptions());

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            batcher.RunAsync(null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Contains("no-such-folder", error.Message, StringComparison.Ordinal);
    }

    private async Task<EventBatcher> RunToEndAsync(DiskSpool spool, PipelineOptions options, double eventsPerSecond, int count)
    {
        var batcher = Batcher(spool, options, eventsPerSecond, count);
        await batcher.RunAsync(null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return batcher;
    }

    private Task Start(DiskSpool spool, PipelineOptions options, double eventsPerSecond, int count, CancellationToken cancellationToken) =>
        Batcher(spool, options, eventsPerSecond, count).RunAsync(null, cancellationToken);

    private EventBatcher Batcher(DiskSpool spool, PipelineOptions options, double eventsPerSecond, int count)
    {
        File.WriteAllLines(_folder.Combine("events.jsonl"), Enumerable.Range(1, count).Select(JsonlEvents.Line));
        var source = new ReplaySource(_folder.Combine("events.jsonl"), InputKinds.Json | InputKinds.Zip, eventsPerSecond, NullLogger.Instance);
        return new EventBatcher(source, spool, new SequenceCounter(0), options);
    }

    private static List<SpooledBatch> Drain(DiskSpool spool)
    {
        var batches = new List<SpooledBatch>();
        while (spool.TryPeekOldest(out var batch))
        {
            batches.Add(batch!);
            spool.MarkAcknowledged(batch!.Sequence);
        }

        return batches;
    }
}

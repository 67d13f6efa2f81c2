using System.Text.Json;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Pipeline;

/// <summary>The sender's answers to 413 (split) and 400 (quarantine), against Kestrel on loopback.</summary>
public sealed class BatchSenderTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private LoopbackCollector _collector = null!;

    public async ValueTask InitializeAsync() => _collector = await LoopbackCollector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task A_batch_the_collector_finds_too_large_is_split_until_every_event_arrives_once()
    {
        _collector.MaxEventsPerBatch = 2;
        var checkpoint = CheckpointStore.Open(_state.Path);
        using var spool = OpenSpool(checkpoint);
        spool.Append(1, 5, "after-batch-1", TransportBuilder.EventsJson(5));

        await RunUntilDrainedAsync(spool, checkpoint, lastSequence: 1);

        var batches = _collector.Batches;
        Assert.All(batches, b => Assert.InRange(b.Events.Count, 1, 2));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], batches.SelectMany(b => b.Events).Select(e => e.RecordId).Order());
        Assert.Equal(0, spool.Statistics.DepthEvents);
        Assert.Equal(batches.Max(b => b.Sequence), checkpoint.Current.AckedSequence);
        Assert.Equal(0, checkpoint.Current.DroppedTotal);
        // The halves carry the position after the whole original batch: a restart resumes after all five.
        Assert.Equal("after-batch-1", checkpoint.Current.AckedPosition);
    }

    [Fact]
    public async Task A_rejected_batch_is_quarantined_counted_as_dropped_and_the_next_one_still_sent()
    {
        _collector.Script.Enqueue(LoopbackCollector.Status(400, body: "{\"error\":\"time is not a date\",\"field\":\"events[0].time\"}"));
        var checkpoint = CheckpointStore.Open(_state.Path);
        using var spool = OpenSpool(checkpoint);
        spool.Append(1, 3, "p1", TransportBuilder.EventsJson(3));
        spool.Append(2, 2, "p2", TransportBuilder.EventsJson(2));

        await RunUntilDrainedAsync(spool, checkpoint, lastSequence: 2);

        var delivered = Assert.Single(_collector.Batches);
        Assert.Equal(2, delivered.Sequence);
        Assert.Equal(3, delivered.Dropped); // the loss is reported to the collector with the next batch
        var file = Assert.Single(Directory.GetFiles(_state.Combine("quarantine")));
        using var kept = JsonDocument.Parse(File.ReadAllBytes(file));
        Assert.Equal(1, kept.RootElement.GetProperty("seq").GetInt64());
        Assert.Contains("time is not a date (field events[0].time)", kept.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 3L], kept.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("record_id").GetInt64()));
        var state = checkpoint.Current;
        Assert.Equal(3, state.DroppedTotal);
        Assert.Equal(0, state.DroppedPending);
        Assert.Equal(2, state.AckedSequence);
        Assert.Contains("quarantine", state.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_event_too_large_for_the_collector_is_quarantined_not_split_forever()
    {
        _collector.MaxEventsPerBatch = 0;
        var checkpoint = CheckpointStore.Open(_state.Path);
        using var spool = OpenSpool(checkpoint);
        spool.Append(1, 1, "p1", TransportBuilder.EventsJson(1));

        await RunUntilDrainedAsync(spool, checkpoint, lastSequence: 1);

        Assert.Empty(_collector.Batches);
        Assert.Single(Directory.GetFiles(_state.Combine("quarantine")));
        Assert.Equal(1, checkpoint.Current.DroppedTotal);
    }

    [Fact]
    public async Task A_dropped_count_survives_a_crash_between_the_collector_storing_its_batch_and_the_checkpoint_and_is_counted_once()
    {
        var checkpoint = CheckpointStore.Open(_state.Path);
        checkpoint.Update(c => c with { DroppedPending = 5, DroppedTotal = 5 }); // the spool overflowed earlier
        var spool = OpenSpool(checkpoint);
        spool.Append(1, 2, "p1", TransportBuilder.EventsJson(2));
        spool.Append(2, 1, "p2", TransportBuilder.EventsJson(1));
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _collector.Script.Enqueue(_collector.StoreThenCrash(() => crash.CancelAsync()));

        // The agent "dies" once batch 1 is stored: its acknowledgement never reaches the checkpoint.
        using (var client = TransportBuilder.Client(_collector.Url))
        {
            var sender = new BatchSender(spool, checkpoint, client, TransportBuilder.Credentials, new SequenceCounter(2),
                new PipelineOptions(), _state.Combine("quarantine"), NullLogger.Instance);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.RunAsync(null, crash.Token));
        }

        spool.Dispose();
        Assert.Equal(5, Assert.Single(_collector.Batches).Dropped);
        // Meanwhile (before the restart) three more events are dropped, as the spool does when full.
        CheckpointStore.Open(_state.Path).Update(c => c with { DroppedPending = c.DroppedPending + 3, DroppedTotal = c.DroppedTotal + 3 });

        // Restart from the files on disk, as the service would.
        var restarted = CheckpointStore.Open(_state.Path);
        Assert.Equal(0, restarted.Current.AckedSequence);
        Assert.Equal((1L, 5L, 3L), (restarted.Current.DroppedAttachedSequence, restarted.Current.DroppedAttached, restarted.Current.DroppedPending));
        using (var reopened = OpenSpool(restarted))
            await RunUntilDrainedAsync(reopened, restarted, lastSequence: 2);

        Assert.Equal([5L, 3L], _collector.Batches.Select(b => b.Dropped));
        Assert.Equal(8, _collector.TotalDropped); // every drop reported, none twice
        Assert.Equal((0L, 0L, 0L), (restarted.Current.DroppedPending, restarted.Current.DroppedAttached, restarted.Current.DroppedAttachedSequence));
        Assert.Equal(8, CheckpointStore.Open(_state.Path).Current.DroppedTotal);
    }

    [Fact]
    public async Task Losses_spooled_with_a_batch_reach_the_collector_and_survive_its_quarantine()
    {
        var checkpoint = CheckpointStore.Open(_state.Path);
        using var spool = OpenSpool(checkpoint);
        var wrap = new ATTT.Monitor.Events.Wire.ChannelLoss("Security", ATTT.Monitor.Events.Wire.ChannelLossKind.Wrap, 11, 49, 39,
            new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        spool.Append(1, 1, "p1", TransportBuilder.EventsJson(1), [wrap]);
        _collector.Script.Enqueue(LoopbackCollector.Status(400, body: "{\"error\":\"bad\",\"field\":\"events[0].time\"}"));

        await RunUntilDrainedAsync(spool, checkpoint, lastSequence: 1);

        var delivered = Assert.Single(_collector.Batches);
        Assert.Empty(delivered.Events);
        Assert.Equal(wrap, Assert.Single(delivered.Losses!));
        Assert.Equal(1, delivered.Dropped);
    }

    private DiskSpool OpenSpool(CheckpointStore checkpoint) =>
        DiskSpool.Open(_state.Combine("spool"), new SpoolOptions(), checkpoint.Current.AckedSequence,
            dropped => checkpoint.Update(c => c with { DroppedPending = c.DroppedPending + dropped, DroppedTotal = c.DroppedTotal + dropped }),
            NullLogger.Instance);

    /// <summary>Runs the sender as the agent does with a finished source: it returns once the spool is empty.</summary>
    private async Task RunUntilDrainedAsync(DiskSpool spool, CheckpointStore checkpoint, long lastSequence)
    {
        using var client = TransportBuilder.Client(_collector.Url);
        var sender = new BatchSender(spool, checkpoint, client, TransportBuilder.Credentials, new SequenceCounter(lastSequence),
            new PipelineOptions(), _state.Combine("quarantine"), NullLogger.Instance);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await sender.RunAsync(Task.CompletedTask, timeout.Token);
    }
}

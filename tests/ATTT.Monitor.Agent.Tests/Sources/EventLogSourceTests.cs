using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Sources.EventLog;
using ATTT.Monitor.Agent.Sources.Query;
using ATTT.Monitor.Agent.Tests.Pipeline;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary>
/// The <c>windows</c> source's own logic (resume, gaps, wraps, missing channels) over the event log
/// played back from recorded event XML; only the wevtapi calls of WindowsEventLog.Windows.cs are left out.
/// </summary>
public sealed class EventLogSourceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly RecordedEventLog _log = new();
    private readonly ChannelStates _states = new();
    private readonly RecordingLogger _logger = new();

    private EventLogSource Source(params WindowsChannel[] channels) => new(_log, channels, _states, new TestClock(), _logger);

    [Fact]
    public void Skipped_record_ids_on_an_unfiltered_channel_are_reported_as_a_gap_before_the_next_event()
    {
        _log.Add("System", 7036, 1, 2, 3, 7, 8);
        using var stream = Source(new WindowsChannel { Name = "System" }).Open(null);

        var (ids, losses) = Read(stream, 5);

        Assert.Equal([1L, 2, 3, 7, 8], ids);
        var gap = Assert.Single(losses);
        Assert.Equal((ChannelLossKind.Gap, 4L, 6L, 3L), (gap.Kind, gap.FirstRecordId, gap.LastRecordId, gap.Records));
        Assert.Equal("System", gap.Channel);
    }

    [Fact]
    public void A_filtered_channel_skips_ids_by_design_and_reports_no_gap()
    {
        _log.Add("Security", 4625, 1, 2);
        _log.Add("Security", 4634, 3, 4);
        _log.Add("Security", 4625, 5);
        using var stream = Source(new WindowsChannel { Name = "Security", EventIds = EventIdSet.Parse("4624-4625") }).Open(null);

        var (ids, losses) = Read(stream, 3);

        Assert.Equal([1L, 2, 5], ids);
        Assert.Empty(losses);
    }

    [Fact]
    public void A_log_that_wrapped_while_the_agent_was_stopped_is_reported_and_reading_resumes_at_its_oldest_record()
    {
        _log.Add("Security", 4625, Enumerable.Range(1, 60).Select(i => (long)i).ToArray());
        _log.Overwrite("Security", oldest: 50);
        var acknowledged = WindowsPosition.Empty.With("Security", 10).Serialize();
        using var stream = Source(new WindowsChannel { Name = "Security", EventIds = EventIdSet.Parse("4625") }).Open(acknowledged);

        var (ids, losses) = Read(stream, 11);

        Assert.Equal(Enumerable.Range(50, 11).Select(i => (long)i), ids);
        var wrap = Assert.Single(losses);
        Assert.Equal((ChannelLossKind.Wrap, 11L, 49L, 39L), (wrap.Kind, wrap.FirstRecordId, wrap.LastRecordId, wrap.Records));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("11 to 49", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_resumes_after_the_acknowledged_bookmark_without_repeating_or_skipping()
    {
        _log.Add("System", 7036, 1, 2, 3, 4, 5);
        using var stream = Source(new WindowsChannel { Name = "System" }).Open(WindowsPosition.Empty.With("System", 3).Serialize());

        var (ids, losses) = Read(stream, 2);
        _log.Add("System", 7036, 6); // a live event wakes the reader through the watcher
        var (later, _) = Read(stream, 1);

        Assert.Equal([4L, 5], ids);
        Assert.Equal([6L], later);
        Assert.Empty(losses);
    }

    [Fact]
    public async Task A_missing_channel_is_reported_once_in_the_channel_states_and_logged_once()
    {
        _log.Add("System", 7036, 1);
        using var stream = Source(new WindowsChannel { Name = "System" }, new WindowsChannel { Name = "Microsoft-Windows-Sysmon/Operational", Optional = true }).Open(null);
        Read(stream, 1);

        await HeartbeatLoopTests.WaitUntilAsync(() => _states.Snapshot().Count == 2);
        Assert.Contains(new ChannelState("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing, null), _states.Snapshot());
        Assert.Contains(new ChannelState("System", ChannelState.Ok, null), _states.Snapshot());
        Assert.Single(_logger.Entries, e => e.Message.Contains("Sysmon", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_refused_query_is_reported_with_windows_reason()
    {
        _log.RefuseQueryWith = "The specified query is invalid.";
        using var stream = Source(new WindowsChannel { Name = "Security" }).Open(null);

        await HeartbeatLoopTests.WaitUntilAsync(() => _states.Snapshot().Count == 1);
        Assert.Equal(new ChannelState("Security", ChannelState.Failed, "The specified query is invalid."), _states.Snapshot()[0]);
    }

    [Fact]
    public async Task A_loss_travels_in_the_spooled_batch_of_the_events_after_it()
    {
        using var temp = new TempDirectory();
        using var spool = new SpoolBuilder(temp.Path).Open();
        _log.Add("System", 7036, 1, 2, 5);
        var batcher = new EventBatcher(Source(new WindowsChannel { Name = "System" }), spool, new SequenceCounter(0),
            new PipelineOptions { FlushInterval = TimeSpan.FromMilliseconds(50) });
        using var stop = new CancellationTokenSource();
        var reading = batcher.RunAsync(null, stop.Token);

        await HeartbeatLoopTests.WaitUntilAsync(() => spool.Statistics.DepthEvents == 3);
        await stop.CancelAsync();
        await reading.ContinueWith(_ => { }, TaskScheduler.Default);

        var losses = new List<ChannelLoss>();
        while (spool.TryPeekOldest(out var batch))
        {
            losses.AddRange(batch!.Losses ?? []);
            spool.MarkAcknowledged(batch.Sequence);
        }

        var gap = Assert.Single(losses);
        Assert.Equal((3L, 4L), (gap.FirstRecordId, gap.LastRecordId));
    }

    /// <summary>Reads <paramref name="count"/> events, taking the losses found on the way.</summary>
    private static (List<long> Ids, List<ChannelLoss> Losses) Read(IEventStream stream, int count)
    {
        var ids = new List<long>();
        var losses = new List<ChannelLoss>();
        using var limit = new CancellationTokenSource(Wait);
        while (ids.Count < count)
        {
            if (stream.TryRead(Wait, limit.Token, out var next))
                ids.Add(next.Event.RecordId);
            losses.AddRange(stream.TakeLosses());
        }

        losses.AddRange(stream.TakeLosses());
        return (ids, losses);
    }
}

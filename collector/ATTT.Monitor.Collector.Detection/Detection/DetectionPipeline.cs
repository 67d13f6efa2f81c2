using System.Threading.Channels;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Store -> rules -> <see cref="IDetectionSink"/> (the incidents area), as three stages joined by bounded channels: a reader that follows
/// <see cref="IEventStore.ReadAfterAsync"/> from the checkpoint (taking the events just committed
/// from <see cref="CommittedEventFeed"/> when it holds the next id), an evaluator running the current
/// <see cref="IDetector"/> (per-event rules on <see cref="DetectionOptions.EvaluationWorkers"/> threads, correlations in order on one), and a writer that hands a slice's hits to the sink and commits what it wrote together with the new
/// checkpoint. A crash therefore re-evaluates at most the uncommitted slices and never loses or
/// doubles a detection. A failing event or stage is logged and retried; it never stops the others.
/// </summary>
internal sealed class DetectionPipeline : BackgroundService
{
    private readonly IEventStore _store;
    private readonly IEventAppendedSignal _signal;
    private readonly CommittedEventFeed _feed;
    private readonly IDetectorSource _rules;
    private readonly IDetectionSink _sink;
    private readonly EmbeddedDatabase _database;
    private readonly DetectionStatistics _stats;
    private readonly DetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DetectionPipeline> _logger;

    public DetectionPipeline(
        IEventStore store, IEventAppendedSignal signal, CommittedEventFeed feed, IDetectorSource rules, IDetectionSink sink, EmbeddedDatabase database,
        DetectionStatistics stats, IOptions<DetectionOptions> options, TimeProvider time, ILogger<DetectionPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _signal = signal;
        _feed = feed;
        _rules = rules;
        _sink = sink;
        _database = database;
        _stats = stats;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoint = await RetryAsync(ct => DetectionCheckpoint.ReadAsync(_database, ct), "read the checkpoint", false, stoppingToken).ConfigureAwait(false);
        var state = await RetryAsync(ct => DetectionCheckpoint.ReadStateAsync(_database, ct), "read the detector state", false, stoppingToken).ConfigureAwait(false);
        _stats.Committed(checkpoint, null);
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation("Detection pipeline starting after event {Checkpoint}", checkpoint);
        var capacity = Math.Max(1, _options.ChannelCapacity);
        var slices = Channel.CreateBounded<EventSlice>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var results = Channel.CreateBounded<DetectionSlice>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        await Task.WhenAll(
            ReadAsync(checkpoint, slices.Writer, stoppingToken),
            EvaluateAsync(state, slices.Reader, results.Writer, stoppingToken),
            WriteAsync(results.Reader, stoppingToken)).ConfigureAwait(false);
    }

    private async Task ReadAsync(long after, ChannelWriter<EventSlice> output, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var max = Math.Max(1, _options.SliceSize);
                // Fast path: the events just committed, still in memory. The store when the feed
                // does not hold the next id (restart, lag) or holds nothing new.
                var events = _feed.TryTake(after, max) is { Count: > 0 } recent
                    ? recent
                    : await RetryAsync(ct => _store.ReadAfterAsync(after, max, ct), "read stored events", false, stoppingToken).ConfigureAwait(false);
                if (events.Count == 0)
                {
                    await _signal.WaitAsync(_options.IdlePoll, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var slice = new EventSlice(events);
                after = slice.LastId;
                await output.WriteAsync(slice, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            output.TryComplete();
        }
    }

    private async Task EvaluateAsync(DetectorState? saved, ChannelReader<EventSlice> input, ChannelWriter<DetectionSlice> output, CancellationToken stoppingToken)
    {
        IDetector? detector = null;
        var version = long.MinValue;
        var matches = new SliceMatches();
        try
        {
            await foreach (var slice in input.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (detector is null || _rules.Version != version)
                {
                    try
                    {
                        var next = _rules.Version;
                        var created = _rules.CreateDetector();
                        // The state as of the last evaluated slice: the previous detector's, else the one committed with the checkpoint.
                        if ((detector is null ? saved : detector.SaveState()) is { } state)
                            Restore(created, state);
                        detector = created;
                        saved = null;
                        version = next;
                    }
                    catch (Exception ex) when (detector is not null)
                    {
                        // A new rule set that cannot build a detector: keep evaluating with the previous one.
                        _stats.AddEvaluationError($"new rule set: {ex.Message}");
                        _logger.LogError(ex, "Could not put the new rule set in service; the previous rules stay in use");
                        version = _rules.Version;
                    }
                }

                detector.Evaluate(slice.Events, matches);
                var hits = new List<DetectionHit>();
                DateTimeOffset? newest = null;
                for (var i = 0; i < slice.Events.Count; i++)
                {
                    var stored = slice.Events[i];
                    if (matches.ErrorOf(i) is { } error)
                    {
                        // One bad event or rule must not stop the stream: count it, log it, go on.
                        _stats.AddEvaluationError($"event {stored.Id}: {error.Message}");
                        _logger.LogError(error, "Evaluating stored event {EventId} failed", stored.Id);
                        continue;
                    }

                    foreach (var match in matches.MatchesOf(i))
                    {
                        hits.Add(ToHit(match, stored));
                        _stats.AddHit(match.RuleId);
                        newest = newest is { } n && n > stored.ReceivedAt ? n : stored.ReceivedAt;
                    }
                }

                _stats.AddEvaluated(slice.Events.Count);
                var changed = detector.StateChanged ? detector.SaveState() : null;
                await output.WriteAsync(new DetectionSlice(slice.LastId, hits, newest, changed), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            output.TryComplete();
        }
    }

    private void Restore(IDetector detector, DetectorState state)
    {
        try
        {
            detector.RestoreState(state);
        }
        catch (DetectorStateException ex)
        {
            _stats.AddEvaluationError(ex.Message);
            _logger.LogError(ex, "Could not restore the correlation state; correlations start empty");
        }
    }

    private async Task WriteAsync(ChannelReader<DetectionSlice> input, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var slice in input.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // A slice is retried until it commits: skipping it would lose its detections.
                await RetryAsync(async ct =>
                {
                    await CommitAsync(slice, ct).ConfigureAwait(false);
                    return true;
                }, "write incidents", true, stoppingToken).ConfigureAwait(false);
                var latency = slice.NewestHitReceivedAt is { } received ? _time.GetUtcNow() - received : (TimeSpan?)null;
                _stats.Committed(slice.LastId, latency);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CommitAsync(DetectionSlice slice, CancellationToken cancellationToken)
    {
        // Taking turns with the ingest's counter writer (see EmbeddedDatabase.TakeWriteTurnAsync).
        using var turn = await _database.TakeWriteTurnAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (slice.Hits.Count > 0)
        {
            await _sink.RecordAsync(slice.Hits, connection, transaction, cancellationToken).ConfigureAwait(false);
            await RuleHits.RecordAsync(slice.Hits, _time.GetUtcNow(), connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await DetectionCheckpoint.WriteAsync(connection, transaction, slice.LastId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (slice.State is { } state)
            await DetectionCheckpoint.WriteStateAsync(connection, transaction, state, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, string what, bool isWrite, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await action(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (isWrite)
                    _stats.AddWriteError(ex.Message);
                _logger.LogError(ex, "Detection pipeline could not {What}; retrying in {Delay}", what, _options.RetryDelay);
                await Task.Delay(_options.RetryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A rule match on a stored event as the sink takes it (public for the detection benchmark).</summary>
    public static DetectionHit ToHit(RuleMatch match, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        var host = string.IsNullOrWhiteSpace(e.Computer) ? stored.AgentId : e.Computer;
        var at = e.TimeCreated == default ? stored.ReceivedAt : e.TimeCreated;
        var (links, parents) = DetectionLinks.Of(e);
        return new DetectionHit(match.RuleId, match.Title, match.Level, match.Tags, match.Description,
            stored.Unit, host, stored.AgentId, stored.IsDrill, stored.Id, at)
        {
            ReceivedAt = stored.ReceivedAt,
            IsProductRule = match.IsProductRule,
            Guidance = match.Guidance,
            Related = match.Related,
            Links = links,
            ParentLinks = parents,
        };
    }
}

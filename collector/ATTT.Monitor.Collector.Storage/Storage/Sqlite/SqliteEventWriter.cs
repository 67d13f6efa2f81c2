using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The single writer of events.db. Batches from concurrent requests queue here (bounded) and are
/// committed together: one transaction, one fsync for all the batches waiting (group commit).
/// One writer also means event ids become visible in increasing order, which the detection
/// pipeline's checkpoint relies on.
/// </summary>
internal sealed class SqliteEventWriter : IAsyncDisposable
{
    private readonly EventsDatabase _database;
    private readonly IEventAppendedSignal _signal;
    private readonly CommittedEventFeed _feed;
    private readonly ILogger _logger;
    private readonly int _maxEventsPerCommit;
    private readonly Channel<PendingAppend> _queue;
    private readonly Channel<WriterJob> _jobs = Channel.CreateUnbounded<WriterJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<long> _currentDictionary;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;
    private readonly EventSourceIds _sources = new();
    private int _disposed;

    public SqliteEventWriter(EventsDatabase database, IEventAppendedSignal signal, CommittedEventFeed feed, EventStoreOptions options, ILogger logger,
        Func<long> currentDictionary)
    {
        _currentDictionary = currentDictionary;
        _database = database;
        _signal = signal;
        _feed = feed;
        _logger = logger;
        _maxEventsPerCommit = Math.Max(1, options.MaxEventsPerCommit);
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(Math.Max(1, options.WriteQueueBatches))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<AppendResult> EnqueueAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        _ = _loop.Value;
        if (!_queue.Writer.TryWrite(pending))
            throw new StoreOverloadedException("The event write queue is full.", TimeSpan.FromSeconds(1));
        // Once queued the batch is written even if the caller goes away; the agent then resends
        // and gets a duplicate acknowledgement.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own once no batch is waiting; committed when the task completes.</summary>
    public Task RunWhenIdleAsync(Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken)
    {
        _ = _loop.Value;
        var job = new WriterJob(work);
        if (!_jobs.Writer.TryWrite(job))
            throw new StoreOverloadedException("The event store is shutting down.", TimeSpan.FromSeconds(5));
        return job.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            var group = new List<PendingAppend>();
            Task<bool>? batchesWaiting = null;
            Task<bool>? jobsWaiting = null;
            var jobsOpen = true;
            while (true)
            {
                group.Clear();
                var events = 0;
                while (events < _maxEventsPerCommit && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                    events += next.Rows.Count;
                }

                if (group.Count > 0)
                {
                    connection ??= await _database.OpenAsync(_stopping.Token).ConfigureAwait(false);
                    if (!TryCommit(connection, group))
                    {
                        // Something in the group failed: commit each batch alone so one bad batch
                        // cannot fail the others.
                        foreach (var pending in group)
                            TryCommit(connection, [pending]);
                    }

                    _signal.Notify();
                    continue;
                }

                if (_jobs.Reader.TryRead(out var job))
                {
                    connection ??= await _database.OpenAsync(_stopping.Token).ConfigureAwait(false);
                    Run(connection, job);
                    continue;
                }

                // Nothing to do: wait for a batch or a job (each wait stays pending across turns).
                batchesWaiting ??= _queue.Reader.WaitToReadAsync(_stopping.Token).AsTask();
                jobsWaiting ??= jobsOpen ? _jobs.Reader.WaitToReadAsync(_stopping.Token).AsTask() : null;
                await Task.WhenAny(batchesWaiting, jobsWaiting ?? batchesWaiting).ConfigureAwait(false);
                if (batchesWaiting.IsCompleted)
                {
                    if (!await batchesWaiting.ConfigureAwait(false))
                        break;
                    batchesWaiting = null;
                }

                if (jobsWaiting is { IsCompleted: true })
                {
                    jobsOpen = await jobsWaiting.ConfigureAwait(false);
                    jobsWaiting = null;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "The event writer stopped; batches are refused until restart.");
            _queue.Writer.TryComplete(ex);
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
            while (_queue.Reader.TryRead(out var left))
                left.Completion.TrySetException(new StoreOverloadedException("The event store is shutting down.", TimeSpan.FromSeconds(5)));
            _jobs.Writer.TryComplete();
            while (_jobs.Reader.TryRead(out var job))
                job.Completion.TrySetException(new StoreOverloadedException("The event store is shutting down.", TimeSpan.FromSeconds(5)));
        }
    }

    private void Run(SqliteConnection connection, WriterJob job)
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            job.Work(connection, transaction);
            transaction.Commit();
            job.Completion.TrySetResult();
        }
        catch (Exception ex)
        {
            job.Completion.TrySetException(ex);
        }
    }

    private bool TryCommit(SqliteConnection connection, List<PendingAppend> group)
    {
        var results = new AppendResult[group.Count];
        var timed = _logger.IsEnabled(LogLevel.Debug);
        var started = timed ? TimeProvider.System.GetTimestamp() : 0;
        var inserted = 0L;
        try
        {
            using var transaction = connection.BeginTransaction();
            using var statements = new WriterStatements(connection, transaction, _sources, _currentDictionary());
            for (var i = 0; i < group.Count; i++)
                results[i] = statements.Append(group[i]);
            inserted = timed ? TimeProvider.System.GetTimestamp() : 0;
            transaction.Commit();
        }
        catch (Exception ex)
        {
            _sources.Forget();
            if (group.Count == 1)
            {
                _logger.LogError(ex, "Storing batch {Seq} of agent {AgentId} failed.", group[0].Batch.Sequence, group[0].Agent.AgentId);
                group[0].Completion.TrySetException(new StoreOverloadedException("The event store failed to write the batch.", ex));
            }

            return false;
        }

        if (timed)
            LogTiming(group, started, inserted);
        Publish(group, results);
        for (var i = 0; i < group.Count; i++)
            group[i].Completion.TrySetResult(results[i]);
        return true;
    }

    /// <summary>Where the single writer's time goes (Debug): inserting vs committing (the fsync), per group.</summary>
    private void LogTiming(List<PendingAppend> group, long started, long inserted)
    {
        var events = 0;
        foreach (var pending in group)
            events += pending.Rows.Count;
        var insertMs = TimeProvider.System.GetElapsedTime(started, inserted).TotalMilliseconds;
        var commitMs = TimeProvider.System.GetElapsedTime(inserted).TotalMilliseconds;
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("Event writer: {Batches} batches, {Events} events: insert {InsertMs:F1} ms, commit {CommitMs:F1} ms", group.Count, events, insertMs, commitMs);
    }

    /// <summary>
    /// Hands the committed events to detection in memory. One writer inserting in one transaction
    /// gives a batch the ids LastEventId - Accepted + 1 .. LastEventId (AUTOINCREMENT, no other writer).
    /// </summary>
    private void Publish(List<PendingAppend> group, AppendResult[] results)
    {
        var total = 0;
        for (var i = 0; i < group.Count; i++)
            total += results[i].Duplicate ? 0 : results[i].Accepted;
        if (total == 0)
            return;
        var events = new StoredEvent[total];
        var n = 0;
        for (var i = 0; i < group.Count; i++)
        {
            var result = results[i];
            if (result.Duplicate || result.Accepted == 0)
                continue;
            var pending = group[i];
            var agent = pending.Agent;
            // Millisecond precision, as the store keeps it, so both paths give the same event.
            var receivedAt = EventJson.FromUnixMilliseconds(pending.ReceivedAtMs);
            var firstId = result.LastEventId - result.Accepted + 1;
            for (var j = 0; j < pending.Rows.Count; j++)
                events[n++] = new StoredEvent(firstId + j, agent.AgentId, agent.Unit, agent.IsDrill, receivedAt, pending.Rows[j].Record);
        }

        _feed.Publish(events);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so DI may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _queue.Writer.TryComplete();
        _jobs.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            // Let queued batches finish (they are being acknowledged), then stop.
            await _loop.Value.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>
/// Records the counters of accepted batches for the ingest endpoint, committing the batches of
/// concurrent requests together: one write transaction (one fsync, one lock of the state database)
/// for every batch waiting, instead of one each. With one transaction per batch, eight concurrent
/// requests and the detection writer fought over the state database's write lock, and SQLite's busy
/// handler sleeps 1-100 ms between attempts: under load the collector sat idle with requests asleep
/// (seen as seconds of nanosleep per ten seconds with strace). The result is still committed before
/// the request answers, as before.
/// </summary>
public sealed class AgentBatchRecorder : IAsyncDisposable
{
    /// <summary>Requests waiting; ingest is bounded by its gate long before this.</summary>
    private const int QueueCapacity = 1024;

    private readonly EmbeddedDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentBatchRecorder> _logger;
    private readonly Channel<PendingCounters> _queue = Channel.CreateBounded<PendingCounters>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;
    private int _disposed;

    public AgentBatchRecorder(EmbeddedDatabase database, TimeProvider time, ILogger<AgentBatchRecorder> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Notes an accepted batch; completes once the counters are committed.</summary>
    public async Task<BatchRecordResult> RecordAsync(string agentId, long sequence, long dropped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        _ = _loop.Value;
        var pending = new PendingCounters(agentId, sequence, dropped);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var group = new List<PendingCounters>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                group.Clear();
                while (group.Count < QueueCapacity && _queue.Reader.TryRead(out var next))
                    group.Add(next);
                try
                {
                    connection ??= await _database.OpenAsync(_stopping.Token).ConfigureAwait(false);
                    await CommitAsync(connection, group).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    foreach (var pending in group)
                        pending.Completion.TrySetException(ex);
                    // A fresh connection next time, in case this one is what failed.
                    if (connection is not null)
                        await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
            while (_queue.Reader.TryRead(out var left))
                left.Completion.TrySetException(new ObjectDisposedException(nameof(AgentBatchRecorder)));
            foreach (var pending in group)
                pending.Completion.TrySetException(new ObjectDisposedException(nameof(AgentBatchRecorder)));
        }
    }

    private async Task CommitAsync(SqliteConnection connection, List<PendingCounters> group)
    {
        var results = new BatchRecordResult?[group.Count];
        var failures = new Exception?[group.Count];
        var started = _logger.IsEnabled(LogLevel.Debug) ? TimeProvider.System.GetTimestamp() : 0;
        using (await _database.TakeWriteTurnAsync(_stopping.Token).ConfigureAwait(false))
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(_stopping.Token).ConfigureAwait(false))
        {
            var now = _time.GetUtcNow();
            // In arrival order, so two batches of one agent in a group give what two transactions would.
            for (var i = 0; i < group.Count; i++)
            {
                var pending = group[i];
                try
                {
                    results[i] = await BatchCounters.ApplyAsync(connection, transaction, pending.AgentId, pending.Sequence, pending.Dropped, now, _stopping.Token).ConfigureAwait(false);
                }
                catch (KeyNotFoundException ex)
                {
                    // Nothing was written for this one: the others still commit.
                    failures[i] = ex;
                }
            }

            await transaction.CommitAsync(_stopping.Token).ConfigureAwait(false);
        }

        if (started != 0 && _logger.IsEnabled(LogLevel.Debug))
        {
            var ms = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            _logger.LogDebug("Agent counters of {Batches} batches committed in {Ms:F1} ms", group.Count, ms);
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
                group[i].Completion.TrySetException(failure);
            else
                group[i].Completion.TrySetResult(results[i]!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
            await _loop.Value.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private sealed class PendingCounters(string agentId, long sequence, long dropped)
    {
        public string AgentId { get; } = agentId;
        public long Sequence { get; } = sequence;
        public long Dropped { get; } = dropped;
        public TaskCompletionSource<BatchRecordResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

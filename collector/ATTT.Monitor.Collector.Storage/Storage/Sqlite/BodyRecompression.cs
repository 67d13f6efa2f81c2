using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// Rewrites bodies stored without a dictionary, or with an older one, with the newest, so that the
/// events a collector stored before its first dictionary (or its better second one) was trained
/// take no more room than the rest. Works in the background from event_recompression's next_id to
/// its end_id, <see cref="BatchRows"/> rows at a time: they are read and recompressed off the writer,
/// then the single writer swaps them in one short transaction when no batch is waiting, moving
/// next_id on in the same transaction. A crash loses nothing: a batch is all swapped or not at all,
/// and the next start goes on from next_id. Every row names the dictionary its body needs, so rows
/// either side of next_id read back alike.
/// A row is deleted and inserted again under its id, not updated: an update leaves the space its
/// larger body took inside the table's pages, whereas a delete lets SQLite merge the emptied pages
/// and hand them to the events that follow.
/// </summary>
internal sealed class BodyRecompression : IAsyncDisposable
{
    public const int BatchRows = 1_000;

    /// <summary>One row: the dictionary being rewritten to, the next id to look at and the last.</summary>
    public const string Table = """
        CREATE TABLE event_recompression (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            dict    INTEGER NOT NULL,
            next_id INTEGER NOT NULL,
            end_id  INTEGER NOT NULL
        );
        """;

    /// <summary>A batch that the writer stores with an older dictionary than the newest falls inside the rewrite.</summary>
    public const string ExtendSql = "UPDATE event_recompression SET end_id = MAX(end_id, $last);";

    private readonly EventsDatabase _database;
    private readonly Func<EventBodyCodec> _codec;
    private readonly SqliteEventWriter _writer;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;

    public BodyRecompression(EventsDatabase database, Func<EventBodyCodec> codec, SqliteEventWriter writer, ILogger logger)
    {
        _database = database;
        _codec = codec;
        _writer = writer;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Starts (once) going on from where the file says; only a process that writes events calls it.</summary>
    public void Start() => _ = _loop.Value;

    /// <summary>Rows recompressed since the start (tests and the bench read it).</summary>
    public long Rewritten => Interlocked.Read(ref _rewritten);

    private long _rewritten;

    /// <summary>Every row up to the newest now is to be rewritten with <paramref name="dictionary"/> (just trained and in use).</summary>
    public async Task ScheduleAsync(long dictionary, CancellationToken cancellationToken)
    {
        await _writer.RunWhenIdleAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO event_recompression (id, dict, next_id, end_id) VALUES (1, $dict, 0, (SELECT COALESCE(MAX(id), 0) FROM events))
                ON CONFLICT (id) DO UPDATE SET dict = excluded.dict, next_id = 0, end_id = excluded.end_id;
                """;
            command.Parameters.AddWithValue("$dict", dictionary);
            command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        Start();
        _wake.Release();
    }

    /// <summary>Completes when no row is left to rewrite (or the store stops).</summary>
    public async Task WhenCaughtUpAsync(CancellationToken cancellationToken)
    {
        while (!_stopping.IsCancellationRequested)
        {
            var state = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            if (state is null || state.Value.Next > state.Value.End)
                return;
            Start();
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var ct = _stopping.Token;
        try
        {
            // A dictionary trained as the last process stopped may not have been scheduled yet.
            var newest = _codec().CurrentDictionary;
            var scheduled = (await ReadStateAsync(ct).ConfigureAwait(false))?.Dictionary ?? EventBodyCodec.NoDictionary;
            if (newest != EventBodyCodec.NoDictionary && scheduled < newest)
                await ScheduleAsync(newest, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var state = await ReadStateAsync(ct).ConfigureAwait(false);
                if (state is not { } s || s.Next > s.End)
                {
                    await _wake.WaitAsync(ct).ConfigureAwait(false);
                    continue;
                }

                var batch = await ReadBatchAsync(s, ct).ConfigureAwait(false);
                await _writer.RunWhenIdleAsync((c, t) => batch.Apply(c, t), ct).ConfigureAwait(false);
                Interlocked.Add(ref _rewritten, batch.Rows.Count);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (StoreOverloadedException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The rows stay readable as they are; the next start tries again from next_id.
            _logger.LogError(ex, "Rewriting stored event bodies with the newest dictionary stopped.");
        }
    }

    private async Task<RecompressionState?> ReadStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT dict, next_id, end_id FROM event_recompression WHERE id = 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RecompressionState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
            : null;
    }

    /// <summary>The next rows from next_id, each recompressed unless it has the target dictionary already.</summary>
    private async Task<RecompressionBatch> ReadBatchAsync(RecompressionState state, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>(BatchRows);
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, received_at, time, source, event_id, dict, body FROM events
                WHERE id >= $next AND id <= $end ORDER BY id LIMIT $n;
                """;
            command.Parameters.AddWithValue("$next", state.Next);
            command.Parameters.AddWithValue("$end", state.End);
            command.Parameters.AddWithValue("$n", BatchRows);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new StoredRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), (byte[])reader.GetValue(6)));
            }
        }

        var codec = _codec();
        var rewritten = new List<(StoredRow Old, long Dictionary, byte[] Body)>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Dictionary == state.Dictionary)
                continue;
            var (dictionary, body) = codec.Compress(codec.Decompress(row.Dictionary, row.Body));
            // The codec moved on to a newer dictionary: the new schedule rewrites these rows again.
            if (dictionary != row.Dictionary)
                rewritten.Add((row, dictionary, body));
        }

        var after = rows.Count < BatchRows ? state.End + 1 : rows[^1].Id + 1;
        return new RecompressionBatch(state, after, rewritten);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop.IsValueCreated)
            await _loop.Value.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _wake.Dispose();
    }
}

using System.Buffers;
using System.Text;
using ATTT.Monitor.Events.Wire;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>The embedded event store: events.db beside the state database.</summary>
public sealed class SqliteEventStore : IEventStore, IAsyncDisposable
{
    private const string Columns = "e.id, s.agent_id, s.unit, s.is_drill, e.received_at, e.dict, e.body";
    private const string From = "FROM events e JOIN event_sources s ON s.id = e.source";
    private readonly EventsDatabase _database;
    private readonly SqliteEventWriter _writer;
    private readonly EventStoreOptions _options;
    private readonly Lazy<EventBodyCodec> _codec;
    private readonly BodyRecompression _recompression;
    private int _disposed;

    public SqliteEventStore(EventsDatabase database, IEventAppendedSignal signal, CommittedEventFeed feed, EventStoreOptions options, ILogger<SqliteEventStore> logger)
        : this(database, signal, feed, options, logger, TimeProvider.System)
    {
    }

    public SqliteEventStore(EventsDatabase database, IEventAppendedSignal signal, CommittedEventFeed feed, EventStoreOptions options, ILogger<SqliteEventStore> logger,
        TimeProvider time)
    {
        _database = database;
        _options = options;
        _writer = new SqliteEventWriter(database, signal, feed, options, logger, () => _codec!.Value.CurrentDictionary);
        _codec = new Lazy<EventBodyCodec>(() =>
        {
            var codec = new EventBodyCodec(new EventDictionaries(database.Open, time), new DictionaryTraining());
            codec.DictionaryAdded = ScheduleRecompressionAsync;
            return codec;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        _recompression = new BodyRecompression(database, () => _codec.Value, _writer, logger);
    }

    private async Task ScheduleRecompressionAsync(long dictionary)
    {
        try
        {
            await _recompression.ScheduleAsync(dictionary, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreOverloadedException)
        {
            // Stopping: the next process that writes events schedules it (BodyRecompression's start).
        }
    }

    /// <summary>
    /// Completes once every body stored without the newest dictionary, or with an older one, has
    /// been rewritten with it (the rewrite runs in the background of a process that writes events).
    /// </summary>
    public Task WhenBodiesRecompressedAsync(CancellationToken cancellationToken) => _recompression.WhenCaughtUpAsync(cancellationToken);

    /// <summary>The latest body-dictionary training (tests wait for it before looking at the file).</summary>
    internal Task DictionaryTraining => _codec.Value.Training;

    public async Task<AppendResult> AppendBatchAsync(AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        // Serialise here, on the request's thread, so the single writer only inserts.
        var buffer = new ArrayBufferWriter<byte>(2048);
        using var writer = EventJson.CreateWriter(buffer);
        var codec = _codec.Value;
        var rows = new EventRow[batch.Events.Count];
        var bodies = new byte[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = batch.Events[i];
            var json = EventJson.SerializeUtf8(e, buffer, writer);
            bodies[i] = json;
            // Detection is handed the parsed event itself, unless its stored form would read back
            // differently (a number written in another notation): then it gets what the store holds.
            var record = EventJson.RoundTripsExactly(e) ? e : EventJson.Deserialize(json);
            var (dictionary, body) = codec.Compress(json);
            rows[i] = new EventRow(EventJson.ToUnixMicroseconds(e.TimeCreated), e.Computer, e.Channel, e.EventId, dictionary, body, record);
        }

        codec.Offer(bodies);
        _recompression.Start();

        var pending = new PendingAppend(agent, batch, receivedAt.ToUnixTimeMilliseconds(), rows);
        return await _writer.EnqueueAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} {From} WHERE e.id > $after ORDER BY e.id LIMIT $max;";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$max", Math.Max(0, max));
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<StoredEvent>(ids.Count);
        if (ids.Count == 0)
            return result;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "$i" + i;
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            command.CommandText = $"SELECT {Columns} {From} WHERE e.id IN ({string.Join(',', names)});";
            result.AddRange(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false));
        }

        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }

    public async Task<EventSearchPage> SearchAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Units is { Count: 0 })
            return new EventSearchPage([], null);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await new SqliteEventSearch(_codec.Value).SearchAsync(connection, query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EventPage> ListByAgentAsync(string unit, string agentId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(agentId);
        limit = Math.Clamp(limit, 1, 1000);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The agent's batches newest first (batches_agent_events), then their id ranges: events.db
        // keeps no index of its own on the events' agent.
        var before = beforeId ?? long.MaxValue;
        var ranges = new List<(long First, long Last)>();
        // The batch that holds the cursor (ends at or after it, starts before it), then the older ones.
        await ReadRangesAsync(connection, """
            SELECT last_event_id - accepted + 1, last_event_id FROM batches
            WHERE agent_id = $agent AND last_event_id >= $before ORDER BY last_event_id LIMIT 1;
            """, agentId, before, limit, ranges, cancellationToken).ConfigureAwait(false);
        await ReadRangesAsync(connection, """
            SELECT last_event_id - accepted + 1, last_event_id FROM batches
            WHERE agent_id = $agent AND last_event_id < $before ORDER BY last_event_id DESC;
            """, agentId, before, limit, ranges, cancellationToken).ConfigureAwait(false);

        var events = new List<StoredEvent>(limit + 1);
        foreach (var (first, last) in ranges)
        {
            if (events.Count > limit)
                break;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} {From} WHERE e.id BETWEEN $first AND $last AND s.unit = $unit AND s.agent_id = $agent ORDER BY e.id DESC LIMIT $limit;";
            command.Parameters.AddWithValue("$first", first);
            command.Parameters.AddWithValue("$last", last);
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$agent", agentId);
            command.Parameters.AddWithValue("$limit", limit + 1 - events.Count);
            events.AddRange(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false));
        }

        if (events.Count <= limit)
            return new EventPage(events, null);
        var page = events.Take(limit).ToList();
        return new EventPage(page, page[^1].Id);
    }

    /// <summary>Adds the id ranges the query yields, cut below <paramref name="before"/>, until they cover more than <paramref name="limit"/> events.</summary>
    private static async Task ReadRangesAsync(SqliteConnection connection, string sql, string agentId, long before, int limit, List<(long First, long Last)> ranges,
        CancellationToken cancellationToken)
    {
        var covered = 0L;
        foreach (var (first, last) in ranges)
            covered += last - first + 1;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$agent", agentId);
        command.Parameters.AddWithValue("$before", before);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (covered <= limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var first = reader.GetInt64(0);
            var last = Math.Min(reader.GetInt64(1), before - 1);
            if (last < first)
                continue; // an empty batch
            ranges.Add((first, last));
            covered += last - first + 1;
        }
    }

    public async Task<IReadOnlyList<BatchLosses>> ListLossesAsync(DateTimeOffset since, DateTimeOffset until, string? agentId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // batches_received_at serves the range; the batches of a month are few (one per agent send).
        command.CommandText = """
            SELECT agent_id, seq, received_at, dropped, losses FROM batches
            WHERE received_at >= $since AND received_at < $until AND (dropped > 0 OR losses IS NOT NULL)
              AND ($agent IS NULL OR agent_id = $agent)
            ORDER BY received_at DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$agent", (object?)agentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 100_000));
        var result = new List<BatchLosses>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new BatchLosses(reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3),
                reader.IsDBNull(4) ? [] : EventWireReader.ReadLosses(System.Text.Encoding.UTF8.GetBytes(reader.GetString(4)))));
        }

        return result;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(events), 0) FROM event_hours;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>By whole hours of receipt from <paramref name="since"/> on (rounded up to the hour).</summary>
    public async Task<IReadOnlyList<HourlyCount>> CountPerHourAsync(DateTimeOffset since, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
            return [];
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("WHERE hour >= $since");
        var sinceMs = since.ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$since", sinceMs / EventHours.HourMilliseconds + (sinceMs % EventHours.HourMilliseconds > 0 ? 1 : 0));
        AddUnits(command, where, units);
        command.CommandText = $"SELECT hour, SUM(events) FROM event_hours {where} GROUP BY hour HAVING SUM(events) > 0 ORDER BY hour;";
        var result = new List<HourlyCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(new HourlyCount(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * EventHours.HourMilliseconds), reader.GetInt64(1)));
        return result;
    }

    public async Task<IReadOnlyList<string>> ListChannelsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT channel FROM event_sources WHERE channel <> '' ORDER BY channel LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(reader.GetString(0));
        return result;
    }

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await EventRetentionDeletion.DeleteOlderThanAsync(connection, cutoff.ToUnixTimeMilliseconds(), _options.RetentionSliceRows, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and behind IEventStore (StorageRegistration), so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _recompression.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        if (_codec.IsValueCreated)
            _codec.Value.Dispose();
    }

    private static void AddUnits(SqliteCommand command, StringBuilder where, IReadOnlyCollection<string>? units)
    {
        if (units is null)
            return;
        var names = new List<string>(units.Count);
        foreach (var unit in units)
        {
            var name = "$u" + names.Count;
            names.Add(name);
            command.Parameters.AddWithValue(name, unit);
        }

        where.Append(" AND unit IN (").Append(string.Join(',', names)).Append(')');
    }

    /// <summary>Below this many rows, parsing on one thread is cheaper than handing work out.</summary>
    private const int ParallelParseRows = 256;

    private async Task<List<StoredEvent>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string AgentId, string Unit, bool IsDrill, long ReceivedAt, long Dictionary, byte[] Body)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, reader.GetInt64(4), reader.GetInt64(5), (byte[])reader.GetValue(6)));
        }

        // Decompressing and parsing is most of a read's cost: the detection pipeline's slices are
        // handled on every core.
        var codec = _codec.Value;
        var events = new StoredEvent[rows.Count];
        if (rows.Count < ParallelParseRows)
        {
            for (var i = 0; i < rows.Count; i++)
                events[i] = ToStored(codec, rows[i]);
        }
        else
        {
            Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => events[i] = ToStored(codec, rows[i]));
        }

        return [.. events];
    }

    private static StoredEvent ToStored(EventBodyCodec codec, (long Id, string AgentId, string Unit, bool IsDrill, long ReceivedAt, long Dictionary, byte[] Body) row) =>
        new(row.Id, row.AgentId, row.Unit, row.IsDrill, EventJson.FromUnixMilliseconds(row.ReceivedAt), EventJson.Deserialize(codec.Decompress(row.Dictionary, row.Body)));
}

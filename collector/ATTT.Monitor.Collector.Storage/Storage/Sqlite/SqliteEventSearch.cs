using System.Text;
using ATTT.Monitor.Events;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The embedded store's search. Unit, PC, agent, channel and drill flag select sources (a small
/// table); each selected source's events are read newest first through (source, time), or
/// (event_id, source, time) with an event id, and the sources' streams are merged by time. Field and
/// text filters are tested on the merged candidates in that order, so a page stops as soon as it is
/// full; a query whose matches are rare stops after <see cref="EventQuery.ScanBudget"/> candidates
/// and says where, instead of decompressing a year of events.
/// </summary>
internal sealed class SqliteEventSearch(EventBodyCodec codec)
{
    public async Task<EventSearchPage> SearchAsync(SqliteConnection connection, EventQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, EventQuery.MaxLimit);
        var sources = EventSourceIds.ReadAll(connection).Where(s => Selects(query, s)).ToDictionary(s => s.Id);
        if (sources.Count == 0)
            return new EventSearchPage([], null);
        var content = query.HasContentFilters ? new ContentFilter(query) : null;
        var low = query.From is { } from ? EventJson.ToUnixMicroseconds(from) : long.MinValue;
        var high = query.To is { } to ? EventJson.ToUnixMicroseconds(to) - 1 : long.MaxValue;
        var cursor = query.Before is { } before ? (Time: EventJson.ToUnixMicroseconds(before.Time), before.Id) : (Time: long.MaxValue, Id: long.MaxValue);
        high = Math.Min(high, cursor.Time);
        if (high < low)
            return new EventSearchPage([], null);

        var streams = new List<SourceStream>(sources.Count);
        try
        {
            foreach (var source in sources.Values)
                streams.Add(SourceStream.Open(connection, source.Id, query.EventId, low, high, cursor, content is not null));
            var heap = new PriorityQueue<SourceStream, (long Time, long Id)>(Comparer<(long Time, long Id)>.Create((a, b) => b.CompareTo(a)));
            foreach (var stream in streams)
            {
                if (stream.Advance())
                    heap.Enqueue(stream, (stream.Time, stream.Id));
            }

            var hits = new List<Candidate>(limit + 1);
            var scanned = 0L;
            var budget = Math.Max(1, query.ScanBudget);
            (long Time, long Id)? stoppedAt = null;
            while (hits.Count <= limit && heap.TryDequeue(out var top, out var position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = top.Current();
                if (content is null)
                {
                    hits.Add(candidate);
                }
                else
                {
                    scanned++;
                    var json = codec.Decompress(candidate.Dictionary, candidate.Body!);
                    if (content.Matches(json, out var record))
                        hits.Add(candidate with { Record = record });
                }

                if (top.Advance())
                    heap.Enqueue(top, (top.Time, top.Id));
                if (content is not null && scanned >= budget && hits.Count <= limit && heap.Count > 0)
                {
                    stoppedAt = position;
                    break;
                }
            }

            var more = hits.Count > limit;
            if (hits.Count > limit)
                hits.RemoveAt(limit);
            var events = await ReadEventsAsync(connection, sources, hits, cancellationToken).ConfigureAwait(false);
            EventCursor? next = stoppedAt is { } stop ? ToCursor(stop) : more ? ToCursor((hits[^1].Time, hits[^1].Id)) : null;
            return new EventSearchPage(events, next, scanned, stoppedAt is not null);
        }
        finally
        {
            foreach (var stream in streams)
                stream.Dispose();
        }
    }

    private static EventCursor ToCursor((long Time, long Id) position) =>
        new(DateTimeOffset.UnixEpoch.AddTicks(position.Time * 10), position.Id);

    private static bool Selects(EventQuery query, EventSource source) =>
        (query.IncludeDrill || !source.IsDrill)
        && (query.Units is null || query.Units.Contains(source.Unit))
        && (query.Host is null || string.Equals(query.Host, source.Host, StringComparison.OrdinalIgnoreCase))
        && (query.AgentId is null || string.Equals(query.AgentId, source.AgentId, StringComparison.Ordinal))
        && (query.Channel is null || string.Equals(query.Channel, source.Channel, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page's events: parsed already when a content filter read them, else read by id now.</summary>
    private async Task<List<StoredEvent>> ReadEventsAsync(SqliteConnection connection, Dictionary<long, EventSource> sources, List<Candidate> hits,
        CancellationToken cancellationToken)
    {
        var bodies = new Dictionary<long, (long ReceivedAt, long Dictionary, byte[] Body)>();
        var missing = hits.Where(h => h.Record is null).Select(h => h.Id).ToList();
        if (missing.Count > 0)
        {
            await using var command = connection.CreateCommand();
            var names = new string[missing.Count];
            for (var i = 0; i < missing.Count; i++)
            {
                names[i] = "$i" + i;
                command.Parameters.AddWithValue(names[i], missing[i]);
            }

            command.CommandText = $"SELECT id, received_at, dict, body FROM events WHERE id IN ({string.Join(',', names)});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                bodies[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetInt64(2), (byte[])reader.GetValue(3));
        }

        var events = new List<StoredEvent>(hits.Count);
        foreach (var hit in hits)
        {
            var source = sources[hit.Source];
            var (receivedAt, record) = hit.Record is { } parsed
                ? (hit.ReceivedAt, parsed)
                : bodies.TryGetValue(hit.Id, out var row)
                    ? (row.ReceivedAt, EventJson.Deserialize(codec.Decompress(row.Dictionary, row.Body)))
                    : (0L, null);
            if (record is not null)
                events.Add(new StoredEvent(hit.Id, source.AgentId, source.Unit, source.IsDrill, EventJson.FromUnixMilliseconds(receivedAt), record));
        }

        return events;
    }

    private readonly record struct Candidate(long Time, long Id, long Source, long ReceivedAt, long Dictionary, byte[]? Body, EventRecord? Record = null);

    /// <summary>One source's events newest first, read lazily (SQLite steps the index as the merge asks).</summary>
    private sealed class SourceStream : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteDataReader _reader;
        private readonly long _source;
        private readonly (long Time, long Id) _cursor;
        private readonly bool _withBody;

        private SourceStream(SqliteCommand command, long source, (long Time, long Id) cursor, bool withBody)
        {
            _command = command;
            _source = source;
            _cursor = cursor;
            _withBody = withBody;
            _reader = command.ExecuteReader();
        }

        public long Time { get; private set; }
        public long Id { get; private set; }

        public static SourceStream Open(SqliteConnection connection, long source, int? eventId, long low, long high, (long Time, long Id) cursor, bool withBody)
        {
            var command = connection.CreateCommand();
            var columns = withBody ? "time, id, received_at, dict, body" : "time, id";
            var sql = new StringBuilder($"SELECT {columns} FROM events ");
            if (eventId is { } id)
            {
                sql.Append("INDEXED BY events_event_id WHERE event_id = $event_id AND ");
                command.Parameters.AddWithValue("$event_id", id);
            }
            else
            {
                sql.Append("INDEXED BY events_source_time WHERE ");
            }

            sql.Append("source = $source AND time BETWEEN $low AND $high ORDER BY time DESC, id DESC;");
            command.CommandText = sql.ToString();
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$low", low);
            command.Parameters.AddWithValue("$high", high);
            try
            {
                return new SourceStream(command, source, cursor, withBody);
            }
            catch
            {
                command.Dispose();
                throw;
            }
        }

        /// <summary>Moves to the next event strictly before the cursor; false at the end.</summary>
        public bool Advance()
        {
            while (_reader.Read())
            {
                Time = _reader.GetInt64(0);
                Id = _reader.GetInt64(1);
                if (Time == _cursor.Time && Id >= _cursor.Id)
                    continue;
                return true;
            }

            return false;
        }

        public Candidate Current() => _withBody
            ? new Candidate(Time, Id, _source, _reader.GetInt64(2), _reader.GetInt64(3), (byte[])_reader.GetValue(4))
            : new Candidate(Time, Id, _source, 0, 0, null);

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }
}

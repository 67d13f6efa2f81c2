using System.Text;
using ATTT.Monitor.Events.Wire;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>The prepared statements of one write transaction.</summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly SqliteCommand _findBatch;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _lastId;
    private readonly SqliteCommand _insertBatch;
    private readonly SqliteCommand _countHour;
    private readonly SqliteCommand _extendRecompression;
    private readonly long _currentDictionary;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly EventSourceIds _sources;

    public WriterStatements(SqliteConnection connection, SqliteTransaction transaction, EventSourceIds sources, long currentDictionary)
    {
        _currentDictionary = currentDictionary;
        _connection = connection;
        _transaction = transaction;
        _sources = sources;
        _findBatch = Sql.Prepared(connection, transaction, "SELECT last_event_id FROM batches WHERE agent_id = $agent AND seq = $seq;", "$agent", "$seq");
        _insertEvent = Sql.Prepared(connection, transaction,
            "INSERT INTO events (received_at, time, source, event_id, dict, body) VALUES ($received, $time, $source, $event_id, $dict, $body);",
            "$received", "$time", "$source", "$event_id", "$dict", "$body");
        _lastId = Sql.Prepared(connection, transaction, "SELECT last_insert_rowid();");
        _insertBatch = Sql.Prepared(connection, transaction,
            "INSERT INTO batches (agent_id, seq, received_at, accepted, dropped, last_event_id, losses) VALUES ($agent, $seq, $received, $accepted, $dropped, $last, $losses);",
            "$agent", "$seq", "$received", "$accepted", "$dropped", "$last", "$losses");
        // One row per batch, not per event: a batch's events share their unit and time of receipt.
        _countHour = Sql.Prepared(connection, transaction,
            "INSERT INTO event_hours (hour, unit, events) VALUES ($hour, $unit, $events) ON CONFLICT (hour, unit) DO UPDATE SET events = events + excluded.events;",
            "$hour", "$unit", "$events");
        _extendRecompression = Sql.Prepared(connection, transaction, BodyRecompression.ExtendSql, "$last");
    }

    public AppendResult Append(PendingAppend pending)
    {
        var agent = pending.Agent;
        var seq = pending.Batch.Sequence;
        _findBatch.Parameters[0].Value = agent.AgentId;
        _findBatch.Parameters[1].Value = seq;
        var existing = _findBatch.ExecuteScalar();
        if (existing is long previousLast)
            return new AppendResult(seq, 0, true, previousLast);

        var p = _insertEvent.Parameters;
        p[0].Value = pending.ReceivedAtMs;
        var stale = false;
        foreach (var row in pending.Rows)
        {
            stale |= row.Dictionary != _currentDictionary;
            p[1].Value = row.TimeUs;
            p[2].Value = _sources.GetOrAdd(_connection, _transaction, agent, row.Host, row.Channel);
            p[3].Value = row.EventId;
            p[4].Value = row.Dictionary;
            p[5].Value = row.Body;
            _insertEvent.ExecuteNonQuery();
        }

        var last = pending.Rows.Count == 0 ? 0L : (long)_lastId.ExecuteScalar()!;
        if (stale)
        {
            // Compressed just before a newer dictionary came in: the rewrite reaches these rows too.
            _extendRecompression.Parameters[0].Value = last;
            _extendRecompression.ExecuteNonQuery();
        }
        var b = _insertBatch.Parameters;
        b[0].Value = agent.AgentId;
        b[1].Value = seq;
        b[2].Value = pending.ReceivedAtMs;
        b[3].Value = pending.Rows.Count;
        b[4].Value = pending.Batch.Dropped;
        b[5].Value = last;
        b[6].Value = pending.Batch.Losses is { Count: > 0 } losses ? Encoding.UTF8.GetString(EventWireWriter.SerializeLosses(losses)) : DBNull.Value;
        _insertBatch.ExecuteNonQuery();
        if (pending.Rows.Count > 0)
        {
            var h = _countHour.Parameters;
            h[0].Value = pending.ReceivedAtMs / EventHours.HourMilliseconds;
            h[1].Value = agent.Unit;
            h[2].Value = pending.Rows.Count;
            _countHour.ExecuteNonQuery();
        }

        return new AppendResult(seq, pending.Rows.Count, false, last);
    }

    public void Dispose()
    {
        _findBatch.Dispose();
        _insertEvent.Dispose();
        _lastId.Dispose();
        _insertBatch.Dispose();
        _countHour.Dispose();
        _extendRecompression.Dispose();
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The event writer's statements, prepared once for the life of its connection and given each
/// group's transaction (<see cref="Begin"/>): SQL is parsed once, not per group.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    /// <summary>
    /// Events per multi-row INSERT. Each statement execution costs a fixed amount on top of its
    /// rows (the driver's call, SQLite's statement start, and AUTOINCREMENT reading and writing
    /// sqlite_sequence), so rows go in by this many; the rest of a batch one by one.
    /// </summary>
    internal const int RowsPerInsert = 32;

    private const int BatchParameters = 4; // $received, $agent, $unit, $drill
    private const int RowParameters = 5;   // time, host, channel, event_id, body

    private readonly SqliteCommand _findBatch;
    private readonly SqliteCommand _insertEvents;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _lastId;
    private readonly SqliteCommand _insertBatch;
    private readonly SqliteCommand _countHour;
    private readonly SqliteCommand[] _all;

    public WriterStatements(SqliteConnection connection)
    {
        // Prepared inside a transaction of its own: the schema is read once, and nothing is written.
        using var transaction = connection.BeginTransaction(deferred: true);
        _findBatch = Create(connection, transaction, "SELECT last_event_id FROM batches WHERE agent_id = $agent AND seq = $seq;", "$agent", "$seq");
        _insertEvents = CreateInsert(connection, transaction, RowsPerInsert);
        _insertEvent = CreateInsert(connection, transaction, 1);
        _lastId = Create(connection, transaction, "SELECT last_insert_rowid();");
        _insertBatch = Create(connection, transaction,
            "INSERT INTO batches (agent_id, seq, received_at, accepted, dropped, last_event_id) VALUES ($agent, $seq, $received, $accepted, $dropped, $last);",
            "$agent", "$seq", "$received", "$accepted", "$dropped", "$last");
        // One row per batch, not per event: a batch's events share their unit and time of receipt.
        _countHour = Create(connection, transaction,
            "INSERT INTO event_hours (hour, unit, events) VALUES ($hour, $unit, $events) ON CONFLICT (hour, unit) DO UPDATE SET events = events + excluded.events;",
            "$hour", "$unit", "$events");
        _all = [_findBatch, _insertEvents, _insertEvent, _lastId, _insertBatch, _countHour];
        transaction.Commit();
    }

    /// <summary>Puts the statements in a new write transaction.</summary>
    public SqliteTransaction Begin(SqliteConnection connection)
    {
        var transaction = connection.BeginTransaction();
        foreach (var command in _all)
            command.Transaction = transaction;
        return transaction;
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

        var rows = pending.Rows;
        var next = 0;
        if (rows.Count >= RowsPerInsert)
        {
            SetBatchValues(_insertEvents.Parameters, pending);
            for (; next + RowsPerInsert <= rows.Count; next += RowsPerInsert)
            {
                for (var i = 0; i < RowsPerInsert; i++)
                    SetRowValues(_insertEvents.Parameters, i, rows[next + i]);
                _insertEvents.ExecuteNonQuery();
            }
        }

        if (next < rows.Count)
        {
            SetBatchValues(_insertEvent.Parameters, pending);
            for (; next < rows.Count; next++)
            {
                SetRowValues(_insertEvent.Parameters, 0, rows[next]);
                _insertEvent.ExecuteNonQuery();
            }
        }

        var last = rows.Count == 0 ? 0L : (long)_lastId.ExecuteScalar()!;
        var b = _insertBatch.Parameters;
        b[0].Value = agent.AgentId;
        b[1].Value = seq;
        b[2].Value = pending.ReceivedAtMs;
        b[3].Value = rows.Count;
        b[4].Value = pending.Batch.Dropped;
        b[5].Value = last;
        _insertBatch.ExecuteNonQuery();
        if (rows.Count > 0)
        {
            var h = _countHour.Parameters;
            h[0].Value = pending.ReceivedAtMs / EventHours.HourMilliseconds;
            h[1].Value = agent.Unit;
            h[2].Value = rows.Count;
            _countHour.ExecuteNonQuery();
        }

        return new AppendResult(seq, rows.Count, false, last);
    }

    private static void SetBatchValues(SqliteParameterCollection p, PendingAppend pending)
    {
        p[0].Value = pending.ReceivedAtMs;
        p[1].Value = pending.Agent.AgentId;
        p[2].Value = pending.Agent.Unit;
        p[3].Value = pending.Agent.IsDrill ? 1 : 0;
    }

    private static void SetRowValues(SqliteParameterCollection p, int row, EventRow values)
    {
        var at = BatchParameters + row * RowParameters;
        p[at].Value = values.TimeUs;
        p[at + 1].Value = values.Host;
        p[at + 2].Value = values.Channel;
        p[at + 3].Value = values.EventId;
        p[at + 4].Value = values.Body;
    }

    /// <summary>
    /// INSERT of <paramref name="rows"/> events; ids are given in row order within the statement.
    /// The body is bound as its UTF-8 bytes and stored as TEXT (CAST reinterprets the bytes in the
    /// database's UTF-8 encoding), sparing a UTF-16 copy of every event and its conversion back.
    /// </summary>
    private static SqliteCommand CreateInsert(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var sql = new StringBuilder("INSERT INTO events (received_at, time, agent_id, unit, host, channel, event_id, is_drill, body) VALUES ");
        var names = new List<string> { "$received", "$agent", "$unit", "$drill" };
        for (var i = 0; i < rows; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ")
                .Append(CultureInfo.InvariantCulture, $"($received, $t{n}, $agent, $unit, $h{n}, $c{n}, $e{n}, $drill, CAST($b{n} AS TEXT))");
            names.AddRange(["$t" + n, "$h" + n, "$c" + n, "$e" + n, "$b" + n]);
        }

        return Create(connection, transaction, sql.Append(';').ToString(), [.. names]);
    }

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _all)
            command.Dispose();
    }
}

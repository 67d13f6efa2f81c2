using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// One batch of <see cref="BodyRecompression"/>: rows to put back under their ids with new bodies,
/// and where the rewrite goes on after them. Applied inside the writer's transaction.
/// </summary>
internal sealed class RecompressionBatch(RecompressionState state, long after, IReadOnlyList<(StoredRow Old, long Dictionary, byte[] Body)> rows)
{
    public IReadOnlyList<(StoredRow Old, long Dictionary, byte[] Body)> Rows { get; } = rows;

    public void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var delete = Sql.Prepared(connection, transaction, "DELETE FROM events WHERE id = $id AND dict = $dict;", "$id", "$dict");
        using var insert = Sql.Prepared(connection, transaction,
            "INSERT INTO events (id, received_at, time, source, event_id, dict, body) VALUES ($id, $received, $time, $source, $event_id, $dict, $body);",
            "$id", "$received", "$time", "$source", "$event_id", "$dict", "$body");
        // All the deletes first: the emptied pages merge once, and the inserts fill what is left.
        var present = new bool[Rows.Count];
        for (var i = 0; i < Rows.Count; i++)
        {
            delete.Parameters[0].Value = Rows[i].Old.Id;
            delete.Parameters[1].Value = Rows[i].Old.Dictionary;
            // A row deleted since it was read (retention) or rewritten already stays as it is.
            present[i] = delete.ExecuteNonQuery() == 1;
        }

        var p = insert.Parameters;
        for (var i = 0; i < Rows.Count; i++)
        {
            if (!present[i])
                continue;
            var (old, dictionary, body) = Rows[i];
            p[0].Value = old.Id;
            p[1].Value = old.ReceivedAt;
            p[2].Value = old.Time;
            p[3].Value = old.Source;
            p[4].Value = old.EventId;
            p[5].Value = dictionary;
            p[6].Value = body;
            insert.ExecuteNonQuery();
        }

        // Only if no newer schedule replaced this one meanwhile.
        using var progress = Sql.Prepared(connection, transaction,
            "UPDATE event_recompression SET next_id = $after WHERE id = 1 AND dict = $dict AND next_id = $next;", "$after", "$dict", "$next");
        progress.Parameters[0].Value = after;
        progress.Parameters[1].Value = state.Dictionary;
        progress.Parameters[2].Value = state.Next;
        progress.ExecuteNonQuery();
    }
}

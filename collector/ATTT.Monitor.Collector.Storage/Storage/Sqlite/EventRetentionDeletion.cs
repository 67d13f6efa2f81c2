using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// Deletes expired events through the batches that brought them: a batch's events share its time
/// of receipt and fill the id range that ends at its last_event_id (one writer, AUTOINCREMENT), so
/// the expired events are found by the batches' receipt index and deleted by id range, with no
/// index on the events themselves. event_hours is brought down in the same transaction.
/// </summary>
internal static class EventRetentionDeletion
{
    /// <summary>Expired batches looked at per transaction at most (their events are bounded by the slice).</summary>
    private const int BatchesPerLook = 1_000;

    public static async Task<long> DeleteOlderThanAsync(SqliteConnection connection, long cutoffMs, int sliceRows, CancellationToken cancellationToken)
    {
        long total = 0;
        // Small slices, each its own short transaction, so the event writer waits only briefly.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var expired = await ExpiredBatchesAsync(connection, transaction, cutoffMs, sliceRows, cancellationToken).ConfigureAwait(false);
            if (expired.Count == 0)
                break;
            foreach (var batch in expired)
                total += await DeleteBatchAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM event_hours WHERE events <= 0;", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private static async Task<List<ExpiredBatch>> ExpiredBatchesAsync(SqliteConnection connection, SqliteTransaction transaction, long cutoffMs, int sliceRows,
        CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT agent_id, seq, accepted, last_event_id, received_at FROM batches WHERE received_at < $cutoff LIMIT $look;";
        select.Parameters.AddWithValue("$cutoff", cutoffMs);
        select.Parameters.AddWithValue("$look", BatchesPerLook);
        var result = new List<ExpiredBatch>();
        var events = 0L;
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (events < Math.Max(1, sliceRows) && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var batch = new ExpiredBatch(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            result.Add(batch);
            events += batch.Accepted;
        }

        return result;
    }

    private static async Task<long> DeleteBatchAsync(SqliteConnection connection, SqliteTransaction transaction, ExpiredBatch batch, CancellationToken cancellationToken)
    {
        long deleted = 0;
        if (batch.Accepted > 0)
        {
            var first = batch.LastEventId - batch.Accepted + 1;
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            // The source of each deleted event, whose unit brings its hour's count down (one unit per batch).
            delete.CommandText = "DELETE FROM events WHERE id BETWEEN $first AND $last RETURNING source;";
            delete.Parameters.AddWithValue("$first", first);
            delete.Parameters.AddWithValue("$last", batch.LastEventId);
            var perSource = new Dictionary<long, long>();
            await using (var reader = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var source = reader.GetInt64(0);
                    perSource[source] = perSource.GetValueOrDefault(source) + 1;
                    deleted++;
                }
            }

            var perUnit = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (source, count) in perSource)
            {
                await using var unitOf = connection.CreateCommand();
                unitOf.Transaction = transaction;
                unitOf.CommandText = "SELECT unit FROM event_sources WHERE id = $source;";
                unitOf.Parameters.AddWithValue("$source", source);
                if (await unitOf.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string unit)
                    perUnit[unit] = perUnit.GetValueOrDefault(unit) + count;
            }

            foreach (var (unit, count) in perUnit)
            {
                await ExecuteAsync(connection, transaction, "UPDATE event_hours SET events = events - $count WHERE hour = $hour AND unit = $unit;", cancellationToken,
                    ("$count", count), ("$hour", batch.ReceivedAtMs / EventHours.HourMilliseconds), ("$unit", unit)).ConfigureAwait(false);
            }
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM batches WHERE agent_id = $agent AND seq = $seq;", cancellationToken,
            ("$agent", batch.AgentId), ("$seq", batch.Sequence)).ConfigureAwait(false);
        return deleted;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record ExpiredBatch(string AgentId, long Sequence, long Accepted, long LastEventId, long ReceivedAtMs);
}

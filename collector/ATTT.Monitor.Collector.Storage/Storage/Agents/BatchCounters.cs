using ATTT.Monitor.Events;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>The per-batch agent counters (sequence, drop counter, last contact) as one step of a write transaction.</summary>
internal static class BatchCounters
{
    /// <summary>Applies one accepted batch; <see cref="KeyNotFoundException"/> (nothing written) when the agent does not exist.</summary>
    public static async Task<BatchRecordResult> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, long sequence, long dropped,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT last_seq FROM agents WHERE agent_id = $id;";
        read.Parameters.AddWithValue("$id", agentId);
        if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long previous)
            throw new KeyNotFoundException($"No agent has the id {agentId}.");
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE agents SET last_seq = MAX(last_seq, $seq), dropped_total = dropped_total + $dropped, last_seen_at = $now
            WHERE agent_id = $id RETURNING dropped_total;
            """;
        update.Parameters.AddWithValue("$seq", sequence);
        update.Parameters.AddWithValue("$dropped", dropped);
        update.Parameters.AddWithValue("$now", DbTime.Format(now));
        update.Parameters.AddWithValue("$id", agentId);
        var droppedTotal = (long)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new BatchRecordResult(previous, droppedTotal);
    }
}

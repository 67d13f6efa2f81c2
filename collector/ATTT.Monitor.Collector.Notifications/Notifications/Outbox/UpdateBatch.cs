using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Changes to an incident that was already notified (severity raised, state changed), kept in
/// notification_update_items until the watcher sends them as one update per incident and interval.
/// </summary>
internal static class UpdateBatch
{
    public static async Task AddAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, string line, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO notification_update_items (incident_id, line, created_at) VALUES ($id, $line, $at);", ("$id", incidentId), ("$line", line), ("$at", DbTime.Format(at)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The incidents whose waiting changes may go out now: the oldest waiting change is an interval old,
    /// and no update for the incident went out in the last interval.
    /// </summary>
    public static async Task<IReadOnlyList<(long IncidentId, IReadOnlyList<(long Id, string Line)> Items)>> DueAsync(
        SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var cutoff = DbTime.Format(now - interval);
        await using var select = Sql.Command(connection, transaction, """
            SELECT u.id, u.incident_id, u.line FROM notification_update_items u
            WHERE u.sent_at IS NULL
              AND u.incident_id IN (SELECT incident_id FROM notification_update_items WHERE sent_at IS NULL GROUP BY incident_id HAVING MIN(created_at) <= $cutoff)
              AND NOT EXISTS (SELECT 1 FROM notification_update_items s WHERE s.incident_id = u.incident_id AND s.sent_at > $cutoff)
            ORDER BY u.incident_id, u.id;
            """, ("$cutoff", cutoff));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Id, long Incident, string Line)>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
        return [.. rows.GroupBy(x => x.Incident).Select(g => (g.Key, (IReadOnlyList<(long, string)>)[.. g.Select(x => (x.Id, x.Line))]))];
    }

    public static async Task MarkSentAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await using var update = Sql.Command(connection, transaction, "UPDATE notification_update_items SET sent_at = $at WHERE id = $id;", ("$at", DbTime.Format(at)), ("$id", id));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>Deadline rows in notification_deadlines; one per incident and key, created once.</summary>
public static class DeadlineStore
{
    public static async Task PlanAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, IEnumerable<DeadlineOptions> deadlines, DateTimeOffset from, CancellationToken cancellationToken)
    {
        foreach (var d in deadlines)
        {
            await using var insert = Sql.Command(connection, transaction, """
                INSERT OR IGNORE INTO notification_deadlines (incident_id, key, title, met_by, starts_at, due_at)
                VALUES ($incident, $key, $title, $metBy, $start, $due);
                """,
                ("$incident", incidentId), ("$key", d.Key), ("$title", d.Title), ("$metBy", d.MetBy), ("$start", DbTime.Format(from)), ("$due", DbTime.Format(from + d.Within)));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks open deadlines of an incident met by <paramref name="metBy"/> (notice, report03, report04) or by key.</summary>
    public static async Task MarkMetAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, string? metBy, string? key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction,
            "UPDATE notification_deadlines SET met_at = $at WHERE incident_id = $incident AND met_at IS NULL AND (met_by = $metBy OR key = $key);",
            ("$incident", incidentId), ("$metBy", metBy), ("$key", key), ("$at", DbTime.Format(at)));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

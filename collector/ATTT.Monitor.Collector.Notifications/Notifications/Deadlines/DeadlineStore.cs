using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>
/// Deadline rows in notification_deadlines; one per incident and key, created once and counted from
/// the time given (detection, or when a personal-data breach became known). A clock ends when it is
/// met, or stops without being met (false positive, resolution) and may be resumed on reopening.
/// </summary>
internal static class DeadlineStore
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
            "UPDATE notification_deadlines SET met_at = $at, stopped_at = NULL, stop_reason = NULL WHERE incident_id = $incident AND met_at IS NULL AND (met_by = $metBy OR key = $key);",
            ("$incident", incidentId), ("$metBy", metBy), ("$key", key), ("$at", DbTime.Format(at)));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The "notify the authorities" clocks of the incidents an overflow digest carried, met when that digest reached an authority.</summary>
    public static async Task MarkNoticeMetByDigestAsync(SqliteConnection connection, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, null, """
            UPDATE notification_deadlines SET met_at = $at, stopped_at = NULL, stop_reason = NULL
            WHERE met_at IS NULL AND met_by = 'notice'
              AND incident_id IN (SELECT incident_id FROM notification_digest_items WHERE message_id = $mid AND incident_id > 0);
            """, ("$mid", messageId), ("$at", DbTime.Format(at)));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public const string StoppedFalsePositive = "false_positive";
    public const string StoppedResolved = "resolved";
    public const string StoppedReopened = "reopened";

    /// <summary>Stops the incident's running clocks, except <paramref name="exceptKey"/>; they are neither met nor overdue any more.</summary>
    public static async Task StopAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, string reason, string? exceptKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction, """
            UPDATE notification_deadlines SET stopped_at = $at, stop_reason = $reason
            WHERE incident_id = $incident AND met_at IS NULL AND stopped_at IS NULL AND ($except IS NULL OR key <> $except);
            """, ("$incident", incidentId), ("$reason", reason), ("$except", exceptKey), ("$at", DbTime.Format(at)));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops one running clock (the closing report of an incident reopened: its response has not ended after all).</summary>
    public static async Task StopOneAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, string key, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction,
            "UPDATE notification_deadlines SET stopped_at = $at, stop_reason = $reason WHERE incident_id = $incident AND key = $key AND met_at IS NULL AND stopped_at IS NULL;",
            ("$incident", incidentId), ("$key", key), ("$reason", reason), ("$at", DbTime.Format(at)));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reopened incident owes again what resolution or a false positive had stopped (still counted from detection).</summary>
    public static async Task ResumeAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction, """
            UPDATE notification_deadlines SET stopped_at = NULL, stop_reason = NULL
            WHERE incident_id = $incident AND met_at IS NULL AND stop_reason IN ('false_positive', 'resolved');
            """, ("$incident", incidentId));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts (or starts again, when the response ended once more after a reopening) a clock that is not met yet.</summary>
    public static async Task RestartAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, DeadlineOptions d, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var upsert = Sql.Command(connection, transaction, """
            INSERT INTO notification_deadlines (incident_id, key, title, met_by, starts_at, due_at) VALUES ($incident, $key, $title, $metBy, $start, $due)
            ON CONFLICT (incident_id, key) DO UPDATE SET starts_at = excluded.starts_at, due_at = excluded.due_at, reminded_at = NULL, escalated_at = NULL,
              stopped_at = NULL, stop_reason = NULL
            WHERE notification_deadlines.met_at IS NULL;
            """,
            ("$incident", incidentId), ("$key", d.Key), ("$title", d.Title), ("$metBy", d.MetBy), ("$start", DbTime.Format(from)), ("$due", DbTime.Format(from + d.Within)));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

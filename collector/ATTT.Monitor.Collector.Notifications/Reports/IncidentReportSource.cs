using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// The one place reports read incident facts. Today it reads what the notifications area keeps of
/// each incident (notification_incidents, filled from every IncidentChange) and who was told
/// (notification_outbox), so it does not depend on the incidents area's tables; when richer facts
/// are needed (matched events, comments), read them here.
/// </summary>
internal static class IncidentReportSource
{
    public static Task<Incident?> GetIncidentAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, CancellationToken cancellationToken) =>
        NotificationIncidentStore.GetAsync(connection, transaction, incidentId, cancellationToken);

    /// <summary>"Name &lt;email&gt; (time)" for each recipient a notice about the incident reached.</summary>
    public static async Task<IReadOnlyList<(string Name, string Email, DateTimeOffset SentAt)>> NotifiedAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            SELECT recipient_name, recipient_email, MIN(sent_at) FROM notification_outbox
            WHERE incident_id = $id AND status = 'sent' AND kind IN ('notice', 'update', 'report')
            GROUP BY recipient_email ORDER BY MIN(sent_at);
            """, ("$id", incidentId));
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(string, string, DateTimeOffset)>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add((r.GetString(0), r.GetString(1), DbTime.Read(r, 2)));
        return list;
    }

    /// <summary>
    /// The note an officer kept with the incident's latest move to resolved or closed (the comment
    /// written in the same change); null when there was none.
    /// </summary>
    public static async Task<string?> ResolutionNoteAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using (var exists = Sql.Command(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('incident_comments', 'audit_log');"))
        {
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! < 2)
                return null;
        }

        await using var command = Sql.Command(connection, transaction, """
            SELECT c.text FROM incident_comments c
            JOIN audit_log a ON a.area = $area AND a.target = $target AND a.action = 'state_changed' AND a.at = c.at AND a.actor = c.author
            WHERE c.incident_id = $id AND (a.details LIKE '% -> resolved%' OR a.details LIKE '% -> closed%')
            ORDER BY c.id DESC LIMIT 1;
            """, ("$area", Incidents.IncidentsSchema.Area), ("$target", Incidents.IncidentTarget.Of(incidentId)), ("$id", incidentId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}

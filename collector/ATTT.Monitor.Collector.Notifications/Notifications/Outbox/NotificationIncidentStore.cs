using System.Text.Json;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// notification_incidents: the last change read of each incident, so reminders, digests and reports
/// can be written without reading another area's tables, plus whether a notice already went out.
/// What it reads back is the <see cref="Incident"/> as notifications know it: the fields this table
/// keeps, with the collector's detection time as <see cref="Incident.CreatedAt"/>.
/// </summary>
internal static class NotificationIncidentStore
{
    /// <summary>
    /// An incident whose events came from a backlog (a spool draining after days offline, a replay). Its
    /// notices say so. The incident's own mark decides (ingest's rule on the opening event's received
    /// and occurred times); an incident journaled before the mark existed has none, and for it this
    /// still guesses from detection against the first event (Notifications:Budget:BackfillAfter).
    /// </summary>
    public static bool IsBackfill(Incident incident, NotificationsOptions options) =>
        incident.IsBackfill ?? (incident.CreatedAt != default && incident.CreatedAt - incident.FirstSeen > options.Budget.BackfillAfter);

    public static async Task<bool> UpsertAsync(SqliteConnection connection, SqliteTransaction? transaction, Incident s, bool backfill, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var resolved = s.State is IncidentState.Resolved or IncidentState.Closed or IncidentState.FalsePositive ? DbTime.Format(at) : null;
        await using var upsert = Sql.Command(connection, transaction, """
            INSERT INTO notification_incidents (incident_id, title, rule_id, rule_title, tags, category, severity, state, unit, host, first_seen, last_seen, count, is_drill, resolved_at, updated_at, detected_at, backfill, explanation)
            VALUES ($id, $title, $rule, $ruleTitle, $tags, $category, $severity, $state, $unit, $host, $first, $last, $count, $drill, $resolved, $at, $detected, $backfill, $explanation)
            ON CONFLICT (incident_id) DO UPDATE SET title = excluded.title, rule_id = excluded.rule_id, rule_title = excluded.rule_title, tags = excluded.tags,
              category = excluded.category, severity = excluded.severity, state = excluded.state, unit = excluded.unit, host = excluded.host,
              first_seen = excluded.first_seen, last_seen = excluded.last_seen, count = excluded.count, is_drill = excluded.is_drill,
              resolved_at = CASE WHEN excluded.resolved_at IS NULL THEN NULL ELSE COALESCE(notification_incidents.resolved_at, excluded.resolved_at) END,
              updated_at = excluded.updated_at, detected_at = COALESCE(notification_incidents.detected_at, excluded.detected_at),
              backfill = MAX(notification_incidents.backfill, excluded.backfill),
              explanation = COALESCE(excluded.explanation, notification_incidents.explanation)
            RETURNING notified;
            """,
            ("$id", s.Id), ("$title", s.Title), ("$rule", s.RuleId), ("$ruleTitle", s.RuleTitle), ("$tags", JsonSerializer.Serialize(s.Tags)),
            ("$category", s.Category), ("$severity", (int)s.Severity), ("$state", s.State.ToString()), ("$unit", s.Unit), ("$host", s.Host),
            ("$first", DbTime.Format(s.FirstSeen)), ("$last", DbTime.Format(s.LastSeen)), ("$count", s.Count), ("$drill", s.IsDrill ? 1 : 0), ("$resolved", resolved), ("$at", DbTime.Format(at)),
            ("$detected", DbTime.Format(s.CreatedAt == default ? at : s.CreatedAt)), ("$backfill", backfill ? 1 : 0),
            ("$explanation", s.Explanation?.ToJson()));
        return Convert.ToInt64(await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    public static async Task MarkNotifiedAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction, "UPDATE notification_incidents SET notified = 1 WHERE incident_id = $id;", ("$id", incidentId));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Incident?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, transaction, """
            SELECT incident_id, title, rule_id, rule_title, tags, category, severity, state, unit, host, first_seen, last_seen, count, is_drill, detected_at, updated_at, resolved_at, explanation, backfill
            FROM notification_incidents WHERE incident_id = $id;
            """, ("$id", incidentId));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return new Incident(r.GetInt64(0), r.GetString(1), Sql.StringOrNull(r, 2), Sql.StringOrNull(r, 3),
            JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [], r.GetString(5), (IncidentSeverity)r.GetInt64(6),
            Enum.Parse<IncidentState>(r.GetString(7)), r.GetString(8), r.GetString(9), AgentId: null, DbTime.Read(r, 10), DbTime.Read(r, 11), r.GetInt64(12), r.GetInt64(13) != 0,
            Assignee: null, Description: null, CreatedAt: DbTime.ReadOrNull(r, 14) ?? DbTime.Read(r, 10), UpdatedAt: DbTime.Read(r, 15), ResolvedAt: DbTime.ReadOrNull(r, 16), Duration: null)
        {
            Explanation = IncidentExplanation.FromJson(Sql.StringOrNull(r, 17)),
            IsBackfill = r.GetInt64(18) != 0,
        };
    }
}

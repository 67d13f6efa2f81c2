using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Audit;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>The SQL of the <c>incidents</c> tables, shared by the manager (writes) and the service (reads, commands).</summary>
internal static class IncidentRows
{
    public const string Columns =
        "id, title, rule_id, rule_title, tags, category, severity, state, unit, host, agent_id, first_seen, last_seen, " +
        "count, is_drill, assignee, description, created_at, updated_at, resolved_at, duration_seconds, explanation, kill_chain, peak_severity, backfill";

    public static Incident Read(SqliteDataReader r)
    {
        if (!IncidentText.TryParseState(r.GetString(7), out var state))
            throw new InvalidDataException($"Incident {r.GetInt64(0)} has an unknown state '{r.GetString(7)}'.");
        return new Incident(
            Id: r.GetInt64(0),
            Title: r.GetString(1),
            RuleId: NullableString(r, 2),
            RuleTitle: NullableString(r, 3),
            Tags: JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [],
            Category: r.GetString(5),
            Severity: (IncidentSeverity)r.GetInt32(6),
            State: state,
            Unit: r.GetString(8),
            Host: r.GetString(9),
            AgentId: NullableString(r, 10),
            FirstSeen: DbTime.Parse(r.GetString(11)),
            LastSeen: DbTime.Parse(r.GetString(12)),
            Count: r.GetInt64(13),
            IsDrill: r.GetInt64(14) != 0,
            Assignee: NullableString(r, 15),
            Description: NullableString(r, 16),
            CreatedAt: DbTime.Parse(r.GetString(17)),
            UpdatedAt: DbTime.Parse(r.GetString(18)),
            ResolvedAt: r.IsDBNull(19) ? null : DbTime.Parse(r.GetString(19)),
            Duration: r.IsDBNull(20) ? null : TimeSpan.FromSeconds(r.GetDouble(20)))
        {
            Explanation = IncidentExplanation.FromJson(NullableString(r, 21)),
            KillChain = r.GetString(22),
            PeakSeverity = r.IsDBNull(23) ? null : (IncidentSeverity)r.GetInt32(23),
            IsBackfill = r.IsDBNull(24) ? null : r.GetInt64(24) != 0,
        };
    }

    public static async Task<Incident?> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM incidents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>
    /// The open incident of a group whose activity lies within <paramref name="window"/> of
    /// <paramref name="at"/> (null window: any open one), the most recent first.
    /// </summary>
    public static async Task<Incident?> FindOpenAsync(
        SqliteConnection connection, SqliteTransaction transaction, string groupKey, string unit, string host, bool isDrill,
        DateTimeOffset at, TimeSpan? window, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = FindOpenSql(window is not null);
        BindFindOpen(command, groupKey, unit, host, isDrill, at, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Binds <see cref="FindOpenSql"/>'s parameters (a re-run command gets new values).</summary>
    internal static void BindFindOpen(SqliteCommand command, string groupKey, string unit, string host, bool isDrill, DateTimeOffset at, TimeSpan? window)
    {
        Sql.Set(command, "$key", groupKey);
        Sql.Set(command, "$unit", unit);
        Sql.Set(command, "$host", host);
        Sql.Set(command, "$drill", isDrill ? 1 : 0);
        if (window is { } w)
        {
            Sql.Set(command, "$from", DbTime.Format(at - w));
            Sql.Set(command, "$to", DbTime.Format(at + w));
        }
    }

    /// <summary>
    /// The query of <see cref="FindOpenAsync"/>. INDEXED BY: without it SQLite's planner picked
    /// ix_incidents_unit (unit, last_seen) for the window clause and walked every incident of the
    /// unit seen since $from (all of them when old events are replayed, every recent one otherwise),
    /// so each lookup cost more as incidents accumulated: the 10-minute soak's rising CPU. The group
    /// index narrows it to the few open incidents of one group.
    /// </summary>
    internal static string FindOpenSql(bool windowed) => $"""
        SELECT {Columns} FROM incidents INDEXED BY ix_incidents_group
        WHERE group_key = $key AND unit = $unit AND host = $host AND is_drill = $drill
          AND state IN ('new', 'in_progress'){(windowed ? " AND last_seen >= $from AND first_seen <= $to" : "")}
        ORDER BY last_seen DESC, id DESC LIMIT 1;
        """;

    public static async Task<bool> AnyOpenAsync(SqliteConnection connection, string groupKey, string unit, string host, bool isDrill, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM incidents WHERE group_key = $key AND unit = $unit AND host = $host AND is_drill = $drill
              AND state IN ('new', 'in_progress'));
            """;
        command.Parameters.AddWithValue("$key", groupKey);
        command.Parameters.AddWithValue("$unit", unit);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$drill", isDrill ? 1 : 0);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
    }

    public static async Task<Incident> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string groupKey, Incident draft, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO incidents (group_key, title, rule_id, rule_title, tags, category, severity, state, unit, host, agent_id,
                first_seen, last_seen, count, is_drill, assignee, description, created_at, updated_at, resolved_at, duration_seconds,
                explanation, kill_chain, peak_severity, backfill)
            VALUES ($key, $title, $rule_id, $rule_title, $tags, $category, $severity, $state, $unit, $host, $agent_id,
                $first_seen, $last_seen, $count, $drill, $assignee, $description, $created_at, $updated_at, $resolved_at, $duration,
                $explanation, $kill_chain, $peak, $backfill)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$key", groupKey);
        command.Parameters.AddWithValue("$unit", draft.Unit);
        command.Parameters.AddWithValue("$host", draft.Host);
        command.Parameters.AddWithValue("$agent_id", (object?)draft.AgentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$drill", draft.IsDrill ? 1 : 0);
        command.Parameters.AddWithValue("$created_at", DbTime.Format(draft.CreatedAt));
        command.Parameters.AddWithValue("$backfill", draft.IsBackfill is { } backfill ? (backfill ? 1 : 0) : DBNull.Value);
        AddMutable(command, draft);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return draft with { Id = id };
    }

    internal const string UpdateSql = """
        UPDATE incidents SET severity = $severity, state = $state, first_seen = $first_seen, last_seen = $last_seen,
            count = $count, assignee = $assignee, description = $description, updated_at = $updated_at,
            resolved_at = $resolved_at, duration_seconds = $duration, title = $title, rule_id = $rule_id, rule_title = $rule_title,
            tags = $tags, category = $category, explanation = $explanation, kill_chain = $kill_chain, peak_severity = $peak
        WHERE id = $id;
        """;

    internal const string InsertEventSql = "INSERT OR IGNORE INTO incident_events (incident_id, seq, event_id) VALUES ($id, $seq, $event);";

    internal const string PruneEventsSql = "DELETE FROM incident_events WHERE incident_id = $id AND seq > $first AND seq <= $count - $last;";

    /// <summary>Writes the columns that change over an incident's life.</summary>
    public static async Task UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = UpdateSql;
        BindUpdate(command, incident);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that match number <paramref name="seq"/> of the incident was event <paramref name="eventId"/>,
    /// keeping only the first <paramref name="keepFirst"/> and the last <paramref name="keepLast"/>.
    /// </summary>
    public static async Task AddEventAsync(
        SqliteConnection connection, SqliteTransaction transaction, long incidentId, long seq, long eventId,
        int keepFirst, int keepLast, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO incident_events (incident_id, seq, event_id) VALUES ($id, $seq, $event);
            DELETE FROM incident_events WHERE incident_id = $id AND seq > $first AND seq <= $seq - $last;
            """;
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$event", eventId);
        command.Parameters.AddWithValue("$first", keepFirst);
        command.Parameters.AddWithValue("$last", keepLast);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<long>> EventIdsAsync(SqliteConnection connection, long incidentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM incident_events WHERE incident_id = $id ORDER BY seq;";
        command.Parameters.AddWithValue("$id", incidentId);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Binds <see cref="UpdateSql"/>'s parameters (a re-run command gets new values).</summary>
    internal static void BindUpdate(SqliteCommand command, Incident incident)
    {
        Sql.Set(command, "$id", incident.Id);
        AddMutable(command, incident);
    }

    /// <summary>Binds the columns <see cref="UpdateSql"/> and the insert write (a re-run command gets new values).</summary>
    private static void AddMutable(SqliteCommand command, Incident incident)
    {
        Sql.Set(command, "$title", incident.Title);
        Sql.Set(command, "$rule_id", incident.RuleId);
        Sql.Set(command, "$rule_title", incident.RuleTitle);
        Sql.Set(command, "$tags", JsonSerializer.Serialize(incident.Tags));
        Sql.Set(command, "$category", incident.Category);
        Sql.Set(command, "$explanation", incident.Explanation?.ToJson());
        Sql.Set(command, "$kill_chain", incident.KillChain);
        Sql.Set(command, "$peak", incident.PeakSeverity is { } peak ? (int)peak : null);
        Sql.Set(command, "$severity", (int)incident.Severity);
        Sql.Set(command, "$state", incident.State.ToText());
        Sql.Set(command, "$first_seen", DbTime.Format(incident.FirstSeen));
        Sql.Set(command, "$last_seen", DbTime.Format(incident.LastSeen));
        Sql.Set(command, "$count", incident.Count);
        Sql.Set(command, "$assignee", incident.Assignee);
        Sql.Set(command, "$description", incident.Description);
        Sql.Set(command, "$updated_at", DbTime.Format(incident.UpdatedAt));
        Sql.Set(command, "$resolved_at", incident.ResolvedAt is { } r ? DbTime.Format(r) : null);
        Sql.Set(command, "$duration", incident.Duration is { } d ? d.TotalSeconds : null);
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

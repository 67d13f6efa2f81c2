using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The statements of attack stories within one slice's transaction, each prepared once (as
/// <see cref="SliceStatements"/>): timeline entries, links and evidence.
/// </summary>
internal sealed class StoryStatements(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private const string TimelineInsertSql = """
        INSERT OR IGNORE INTO incident_detections (incident_id, seq, at, rule_id, title, title_en, level, tactics, event_id, evidence)
        VALUES ($id, $seq, $at, $rule, $title, $title_en, $level, $tactics, $event, $evidence);
        """;

    private SqliteCommand? _timeline;
    private SqliteCommand? _prune;
    private SqliteCommand? _link;
    private SqliteCommand? _evidence;
    private SqliteCommand? _pruneEvidence;

    /// <summary>Writes timeline entries (match numbers ascending) and keeps the first and last ones, as matched events are kept.</summary>
    public async Task AddTimelineAsync(long incidentId, IReadOnlyList<(long Seq, TimelineEntry Entry)> entries, long count, int keepFirst, int keepLast, CancellationToken cancellationToken)
    {
        var insert = _timeline ??= Create(TimelineInsertSql);
        Sql.Set(insert, "$id", incidentId);
        foreach (var (seq, e) in entries)
        {
            Sql.Set(insert, "$seq", seq);
            Bind(insert, e);
            Sql.Set(insert, "$evidence", e.IsEvidence ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (count - keepLast <= keepFirst)
            return;
        var prune = _prune ??= Create("DELETE FROM incident_detections WHERE incident_id = $id AND seq > $first AND seq <= $count - $last;");
        Sql.Set(prune, "$id", incidentId);
        Sql.Set(prune, "$first", keepFirst);
        Sql.Set(prune, "$count", count);
        Sql.Set(prune, "$last", keepLast);
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddLinksAsync(long incidentId, string unit, string host, bool isDrill, IEnumerable<string> links, CancellationToken cancellationToken)
    {
        var insert = _link ??= Create("INSERT OR IGNORE INTO incident_links (unit, host, is_drill, link, incident_id) VALUES ($unit, $host, $drill, $link, $id);");
        Sql.Set(insert, "$unit", unit);
        Sql.Set(insert, "$host", host);
        Sql.Set(insert, "$drill", isDrill ? 1 : 0);
        Sql.Set(insert, "$id", incidentId);
        foreach (var link in links)
        {
            Sql.Set(insert, "$link", link);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The most recently active open story on the PC that holds one of <paramref name="links"/>.</summary>
    public async Task<Incident?> FindLinkedAsync(string unit, string host, bool isDrill, IReadOnlyList<string> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
            return null;
        await using var command = Create($"""
            SELECT {IncidentRows.Columns} FROM incidents WHERE id IN (
                SELECT incident_id FROM incident_links WHERE unit = $unit AND host = $host AND is_drill = $drill AND link IN (SELECT value FROM json_each($links)))
              AND group_key = '{IncidentManager.StoryKey}' AND state IN ('new', 'in_progress')
            ORDER BY last_seen DESC, id DESC LIMIT 1;
            """);
        Sql.Set(command, "$unit", unit);
        Sql.Set(command, "$host", host);
        Sql.Set(command, "$drill", isDrill ? 1 : 0);
        Sql.Set(command, "$links", JsonSerializer.Serialize(links));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? IncidentRows.Read(reader) : null;
    }

    public async Task AddEvidenceAsync(string unit, string host, bool isDrill, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var insert = _evidence ??= Create("""
            INSERT INTO detection_evidence (unit, host, is_drill, at, rule_id, title, title_en, level, tactics, event_id)
            VALUES ($unit, $host, $drill, $at, $rule, $title, $title_en, $level, $tactics, $event);
            """);
        Sql.Set(insert, "$unit", unit);
        Sql.Set(insert, "$host", host);
        Sql.Set(insert, "$drill", isDrill ? 1 : 0);
        Bind(insert, entry);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> evidence detections of a PC.</summary>
    public async Task PruneEvidenceAsync(string unit, string host, bool isDrill, int keep, CancellationToken cancellationToken)
    {
        var prune = _pruneEvidence ??= Create("""
            DELETE FROM detection_evidence WHERE unit = $unit AND host = $host AND is_drill = $drill AND id <= (
                SELECT id FROM detection_evidence WHERE unit = $unit AND host = $host AND is_drill = $drill ORDER BY id DESC LIMIT 1 OFFSET $keep);
            """);
        Sql.Set(prune, "$unit", unit);
        Sql.Set(prune, "$host", host);
        Sql.Set(prune, "$drill", isDrill ? 1 : 0);
        Sql.Set(prune, "$keep", Math.Max(0, keep));
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _timeline, _prune, _link, _evidence, _pruneEvidence })
        {
            if (command is not null)
                await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Bind(SqliteCommand command, TimelineEntry e)
    {
        Sql.Set(command, "$at", DbTime.Format(e.At));
        Sql.Set(command, "$rule", e.RuleId);
        Sql.Set(command, "$title", e.Title);
        Sql.Set(command, "$title_en", e.TitleEn);
        Sql.Set(command, "$level", (int)e.Level);
        Sql.Set(command, "$tactics", JsonSerializer.Serialize(e.Tactics));
        Sql.Set(command, "$event", e.EventId);
    }

    private SqliteCommand Create(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

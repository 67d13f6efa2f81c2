using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Reads timeline entries: a story's, and the evidence on one PC.</summary>
internal static class TimelineRows
{
    public static async Task<IReadOnlyList<TimelineEntry>> ForIncidentAsync(SqliteConnection connection, long incidentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT incident_id, at, rule_id, title, title_en, level, tactics, event_id, evidence
            FROM incident_detections WHERE incident_id = $id ORDER BY at, seq;
            """;
        command.Parameters.AddWithValue("$id", incidentId);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest evidence detections on a PC: those outside stories and those a story took in without being raised.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> EvidenceAsync(SqliteConnection connection, string unit, string host, bool isDrill, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM (
                SELECT NULL AS incident_id, at, rule_id, title, title_en, level, tactics, event_id, 1 AS evidence
                FROM detection_evidence WHERE unit = $unit AND host = $host AND is_drill = $drill
                UNION ALL
                SELECT d.incident_id, d.at, d.rule_id, d.title, d.title_en, d.level, d.tactics, d.event_id, 1
                FROM incident_detections d JOIN incidents i ON i.id = d.incident_id
                WHERE i.unit = $unit AND i.host = $host AND i.is_drill = $drill AND d.evidence = 1)
            ORDER BY at DESC, event_id DESC LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$unit", unit);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$drill", isDrill ? 1 : 0);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TimelineEntry(
                r.IsDBNull(0) ? null : r.GetInt64(0), DbTime.Parse(r.GetString(1)), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), (IncidentSeverity)r.GetInt32(5),
                JsonSerializer.Deserialize<List<string>>(r.GetString(6)) ?? [], r.IsDBNull(7) ? null : r.GetInt64(7), r.GetInt64(8) != 0));
        }

        return entries;
    }
}

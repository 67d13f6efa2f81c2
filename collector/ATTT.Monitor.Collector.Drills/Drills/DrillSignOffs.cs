using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>Step sign-offs (of drills and of real incidents) and the coordinator's lessons.</summary>
public sealed class DrillSignOffs(EmbeddedDatabase database, TimeProvider time)
{
    public async Task SignOffDrillStepAsync(long runId, string stepId, string signedBy, string role, string? note, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO drill_step_signoffs (run_id, step_id, signed_by, role, at, note) VALUES ($a, $b, $c, $d, $now, $e)
            ON CONFLICT (run_id, step_id) DO NOTHING;
            """, cancellationToken, runId, stepId, signedBy, role, note).ConfigureAwait(false);

    public async Task WriteLessonsAsync(long runId, string text, string writtenBy, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO drill_lessons (run_id, text, written_by, at) VALUES ($a, $b, $c, $now)
            ON CONFLICT (run_id) DO UPDATE SET text = excluded.text, written_by = excluded.written_by, at = excluded.at;
            """, cancellationToken, runId, text, writtenBy).ConfigureAwait(false);

    public async Task SignOffIncidentStepAsync(long incidentId, string playbookId, string stepId, string signedBy, string? note, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO incident_step_signoffs (incident_id, playbook_id, step_id, signed_by, at, note) VALUES ($a, $b, $c, $d, $now, $e)
            ON CONFLICT DO NOTHING;
            """, cancellationToken, incidentId, playbookId, stepId, signedBy, note).ConfigureAwait(false);

    /// <summary>Step id → (who, when, note) for a drill run (<paramref name="incidentId"/> null) or a real incident's playbook.</summary>
    public async Task<IReadOnlyDictionary<string, (string By, DateTimeOffset At, string? Note)>> GetAsync(long? runId, long? incidentId, string? playbookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = runId is not null
            ? "SELECT step_id, signed_by, at, note FROM drill_step_signoffs WHERE run_id = $a;"
            : "SELECT step_id, signed_by, at, note FROM incident_step_signoffs WHERE incident_id = $a AND playbook_id = $b;";
        command.Parameters.AddWithValue("$a", runId ?? incidentId ?? 0);
        command.Parameters.AddWithValue("$b", (object?)playbookId ?? DBNull.Value);
        var result = new Dictionary<string, (string, DateTimeOffset, string?)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result[reader.GetString(0)] = (reader.GetString(1), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetString(3));
        return result;
    }

    public async Task<(string Text, string By)?> GetLessonsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text, written_by FROM drill_lessons WHERE run_id = $a;";
        command.Parameters.AddWithValue("$a", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<IReadOnlyList<long>> IncidentsOfRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT incident_id FROM drill_run_incidents WHERE run_id = $a ORDER BY incident_id;";
        command.Parameters.AddWithValue("$a", runId);
        var list = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(reader.GetInt64(0));
        return list;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue("$" + (char)('a' + i), values[i] ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

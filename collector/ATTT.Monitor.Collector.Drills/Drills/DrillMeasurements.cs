using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>When each link of a drill's chain happened (<c>drill_measurements</c>); the first time of a link is kept.</summary>
public sealed class DrillMeasurements(EmbeddedDatabase database)
{
    public async Task RecordOnceAsync(long runId, string link, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO drill_measurements (run_id, link, at, detail) VALUES ($r, $l, $at, $d) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$r", runId);
        command.Parameters.AddWithValue("$l", link);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$d", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT link, at FROM drill_measurements WHERE run_id = $r;";
        command.Parameters.AddWithValue("$r", runId);
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result[reader.GetString(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        return result;
    }
}

using System.Globalization;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>Reads and writes the pipeline checkpoint, and the detector state that goes with it, in the state database.</summary>
public static class DetectionCheckpoint
{
    public const string PipelineName = "pipeline";

    public static async Task<long> ReadAsync(EmbeddedDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_event_id FROM detection_checkpoint WHERE name = $name;";
        command.Parameters.AddWithValue("$name", PipelineName);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Written in the transaction that commits the slice's incidents.</summary>
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, long lastEventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO detection_checkpoint (name, last_event_id, updated_at) VALUES ($name, $id, $at)
            ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$name", PipelineName);
        command.Parameters.AddWithValue("$id", lastEventId);
        command.Parameters.AddWithValue("$at", DbTime.Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The detector state committed with the checkpoint, or null when none was.</summary>
    public static async Task<DetectorState?> ReadStateAsync(EmbeddedDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT real_state, drill_state FROM detection_state WHERE name = $name;";
        command.Parameters.AddWithValue("$name", PipelineName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return new DetectorState((byte[])reader.GetValue(0), (byte[])reader.GetValue(1));
    }

    /// <summary>Written in the transaction that commits the checkpoint the state belongs to.</summary>
    public static async Task WriteStateAsync(SqliteConnection connection, SqliteTransaction transaction, DetectorState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(state);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO detection_state (name, real_state, drill_state, updated_at) VALUES ($name, $real, $drill, $at)
            ON CONFLICT (name) DO UPDATE SET real_state = excluded.real_state, drill_state = excluded.drill_state, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$name", PipelineName);
        command.Parameters.AddWithValue("$real", state.Real);
        command.Parameters.AddWithValue("$drill", state.Drill);
        command.Parameters.AddWithValue("$at", DbTime.Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

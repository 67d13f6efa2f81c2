using System.Globalization;
using ATTT.Monitor.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Counts for <c>attt stats</c>, read from the data folder without creating anything, beside a
/// running collector (WAL readers never block its writers). A table an area has not created yet
/// counts as zero.
/// </summary>
public static class StoreStatistics
{
    /// <summary>A state database table's rows for another area's statistics (empty when the file or table does not exist yet).</summary>
    public static async Task<IReadOnlyList<object?[]>> RowsAsync(string dataDirectory, string table, string sql, CancellationToken cancellationToken)
    {
        var file = new DataDirectoryOptions { Path = Path.GetFullPath(dataDirectory) }.StateDatabasePath;
        if (await CountAsync(file, table, $"SELECT COUNT(*) FROM {table}", cancellationToken).ConfigureAwait(false) == 0)
            return [];
        await using var connection = await OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var data = new DataDirectoryOptions { Path = Path.GetFullPath(dataDirectory) };
        if (!Directory.Exists(data.Path))
            throw new DirectoryNotFoundException($"The data folder {data.Path} does not exist.");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["events"] = await CountEventsAsync(Path.Combine(data.Path, EventsDatabase.FileName), cancellationToken).ConfigureAwait(false),
        };
        var state = data.StateDatabasePath;
        counts["incidents"] = await CountAsync(state, "incidents", "SELECT COUNT(*) FROM incidents", cancellationToken).ConfigureAwait(false);
        counts["agents"] = await CountAsync(state, "agents", "SELECT COUNT(*) FROM agents WHERE revoked = 0", cancellationToken).ConfigureAwait(false);
        counts["agents_revoked"] = await CountAsync(state, "agents", "SELECT COUNT(*) FROM agents WHERE revoked = 1", cancellationToken).ConfigureAwait(false);
        counts["units"] = await CountAsync(state, "units", "SELECT COUNT(*) FROM units", cancellationToken).ConfigureAwait(false);
        counts["events_dropped_by_agents"] = await CountAsync(state, "agents", "SELECT COALESCE(SUM(dropped_total), 0) FROM agents", cancellationToken).ConfigureAwait(false);
        // Detection is caught up when its checkpoint has reached the newest stored event.
        counts["events_last_id"] = await CountAsync(Path.Combine(data.Path, EventsDatabase.FileName), "events", "SELECT COALESCE(MAX(id), 0) FROM events", cancellationToken).ConfigureAwait(false);
        // Recorded with each batch, in its transaction: what the PCs lost, whatever happened to the agents' counters.
        var events = Path.Combine(data.Path, EventsDatabase.FileName);
        counts["events_dropped_in_batches"] = await CountAsync(events, "batches", "SELECT COALESCE(SUM(dropped), 0) FROM batches", cancellationToken).ConfigureAwait(false);
        counts["event_log_records_lost"] = await LostRecordsAsync(events, cancellationToken).ConfigureAwait(false);
        counts["detection_checkpoint"] = await CountAsync(state, "detection_checkpoint", "SELECT COALESCE(MAX(last_event_id), 0) FROM detection_checkpoint", cancellationToken).ConfigureAwait(false);
        return counts;
    }

    /// <summary>
    /// From the per-hour counts the collector keeps beside the events (events.db has no index to
    /// count quickly); a file the collector has not brought to that version yet is counted row by row.
    /// </summary>
    private static async Task<long> CountEventsAsync(string file, CancellationToken cancellationToken)
    {
        var fromHours = await CountAsync(file, "event_hours", "SELECT COALESCE(SUM(events), 0) FROM event_hours", cancellationToken).ConfigureAwait(false);
        return fromHours > 0 ? fromHours : await CountAsync(file, "events", "SELECT COUNT(*) FROM events", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Event log records the agents never read (log wraps, record-id gaps), from the batches' losses.</summary>
    private static async Task<long> LostRecordsAsync(string file, CancellationToken cancellationToken)
    {
        if (await CountAsync(file, "batches", "SELECT COUNT(*) FROM pragma_table_info('batches') WHERE name = 'losses'", cancellationToken).ConfigureAwait(false) == 0)
            return 0;
        await using var connection = await OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT losses FROM batches WHERE losses IS NOT NULL;";
        long lost = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            lost += Events.Wire.EventWireReader.ReadLosses(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))).Sum(l => l.Records);
        return lost;
    }

    private static async Task<SqliteConnection> OpenAsync(string file, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    private static async Task<long> CountAsync(string file, string table, string sql, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
            return 0;
        await using var connection = await OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
            exists.Parameters.AddWithValue("$name", table);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                return 0;
        }

        await using var count = connection.CreateCommand();
        count.CommandText = sql;
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}

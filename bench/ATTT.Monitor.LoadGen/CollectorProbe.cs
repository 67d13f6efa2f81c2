using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.LoadGen;

/// <summary>
/// Looks into the collector's data folder, read-only, beside the running collector (SQLite WAL lets
/// readers in while it writes): how many events are stored, how far detection has got, and which
/// marker incidents exist. Cheaper and more exact than asking the authenticated dashboard API.
/// </summary>
internal sealed class CollectorProbe(string dataDirectory) : IDisposable
{
    public const string MarkerHostPrefix = "LOADGEN-MARK-";

    private readonly SqliteConnection _events = Open(Path.Combine(dataDirectory, "events.db"));
    private readonly SqliteConnection _state = Open(Path.Combine(dataDirectory, "attt.db"));
    private long _lastIncidentId;

    /// <summary>The id of the newest stored event (ids grow by one per event).</summary>
    public long StoredEvents()
    {
        using var command = _events.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM events;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The id of the last event whose detections are committed (the pipeline's checkpoint).</summary>
    public long EvaluatedEvents()
    {
        using var command = _state.CreateCommand();
        command.CommandText = "SELECT last_event_id FROM detection_checkpoint WHERE name = 'pipeline';";
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Marker incidents created since the last call: host and the collector's created_at.</summary>
    public List<(string Host, DateTimeOffset CreatedAt)> NewMarkerIncidents()
    {
        using var command = _state.CreateCommand();
        command.CommandText = "SELECT id, host, created_at FROM incidents WHERE id > $last AND host LIKE 'LOADGEN-MARK-%' ORDER BY id;";
        command.Parameters.AddWithValue("$last", _lastIncidentId);
        var found = new List<(string, DateTimeOffset)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _lastIncidentId = reader.GetInt64(0);
            found.Add((reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return found;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        _events.Dispose();
        _state.Dispose();
    }
}

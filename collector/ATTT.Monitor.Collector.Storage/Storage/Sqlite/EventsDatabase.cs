using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The events file (DATA/events.db), apart from the state database so that the high-volume event
/// writer never holds the lock that incident, outbox and registry writes need. WAL with
/// synchronous=FULL: a committed batch survives kill -9 and power loss.
/// </summary>
internal sealed class EventsDatabase
{
    public const string FileName = "events.db";

    // No secondary index on events: each cost CPU and WAL pages on every event inserted (about a third
    // of SQLite's share per event for the three there were). What used them is served otherwise:
    // retention and an agent's events go through batches (every event lies in the id range of the
    // batch that brought it: one writer, AUTOINCREMENT), the hourly chart and the total through
    // event_hours, kept in the same transactions as the events.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            received_at INTEGER NOT NULL,
            time        INTEGER NOT NULL,
            agent_id    TEXT    NOT NULL,
            unit        TEXT    NOT NULL,
            host        TEXT    NOT NULL,
            channel     TEXT    NOT NULL,
            event_id    INTEGER NOT NULL,
            is_drill    INTEGER NOT NULL,
            body        TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS batches (
            agent_id      TEXT    NOT NULL,
            seq           INTEGER NOT NULL,
            received_at   INTEGER NOT NULL,
            accepted      INTEGER NOT NULL,
            dropped       INTEGER NOT NULL,
            last_event_id INTEGER NOT NULL,
            PRIMARY KEY (agent_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS batches_received_at ON batches (received_at);
        """;

    /// <summary>
    /// Version 1 (PRAGMA user_version): the events indexes of version 0 (received_at; unit, id;
    /// host, id) give way to an index of each agent's batches by their last event id and to
    /// event_hours, counted from the events already stored.
    /// </summary>
    private const string Version1 = """
        DROP INDEX IF EXISTS events_received_at;
        DROP INDEX IF EXISTS events_unit;
        DROP INDEX IF EXISTS events_host;
        CREATE INDEX IF NOT EXISTS batches_agent_events ON batches (agent_id, last_event_id);
        CREATE TABLE IF NOT EXISTS event_hours (
            hour   INTEGER NOT NULL,
            unit   TEXT    NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (hour, unit)
        ) WITHOUT ROWID;
        INSERT INTO event_hours (hour, unit, events) SELECT received_at / 3600000, unit, COUNT(*) FROM events GROUP BY 1, 2;
        PRAGMA user_version = 1;
        """;

    /// <summary>
    /// Version 2: a batch's per-channel losses (docs/protocol.md <c>losses</c>, as JSON; null when it
    /// had none) in its own row, so they are committed with the batch like its dropped count.
    /// </summary>
    private const string Version2 = """
        ALTER TABLE batches ADD COLUMN losses TEXT;
        PRAGMA user_version = 2;
        """;

    private readonly string _connectionString;
    private readonly Lock _initLock = new();
    private volatile bool _initialized;

    public EventsDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>An open connection with the pragmas and the text-search function, schema in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            // wal_autocheckpoint 8192 pages (32 MiB) instead of 1000: at thousands of events a second
            // the default copies the same index pages back into the file several times a second.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=8192;";
            pragma.ExecuteNonQuery();
            // Case-insensitive substring over the stored JSON; the needle is escaped the same way.
            connection.CreateFunction("attt_icontains", (string? body, string? needle) =>
                body is not null && needle is not null && body.Contains(needle, StringComparison.OrdinalIgnoreCase), isDeterministic: true);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt64(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (current >= 2)
            return;
        using var apply = connection.CreateCommand();
        apply.Transaction = transaction;
        apply.CommandText = (current < 1 ? Version1 : "") + Version2;
        apply.ExecuteNonQuery();
        transaction.Commit();
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_initialized)
            return Task.CompletedTask;
        lock (_initLock)
        {
            if (_initialized)
                return Task.CompletedTask;
            var folder = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            using var connection = OpenRaw();
            using (var create = connection.CreateCommand())
            {
                create.CommandText = Schema;
                create.ExecuteNonQuery();
            }

            Migrate(connection);
            _initialized = true;
        }

        return Task.CompletedTask;
    }
}

using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The events file (DATA/events.db), apart from the state database so that the high-volume event
/// writer never holds the lock that incident, outbox and registry writes need. WAL with
/// synchronous=FULL: a committed batch survives kill -9 and power loss.
/// </summary>
public sealed class EventsDatabase
{
    public const string FileName = "events.db";

    /// <summary>
    /// The schema of a new events.db (version 4). An event row is its id, times, source, event id and
    /// compressed body, nothing else: the strings every event of one agent, PC and channel share
    /// live once in event_sources. Two indexes, each serving the search and nothing else: (source,
    /// time) reads one PC's, unit's or channel's events newest first, and (event_id, source, time)
    /// the same for one event id. Retention and an agent's events go through batches (every event
    /// lies in the id range of the batch that brought it: one writer, AUTOINCREMENT), the hourly
    /// chart and the total through event_hours, kept in the same transactions as the events.
    /// </summary>
    private const string Schema = $"""
        CREATE TABLE events (
        {EventsSchemaV3.EventColumns}
        );
        {EventsSchemaV3.EventIndexes}
        {EventsSchemaV3.SourcesAndDictionaries}
        CREATE TABLE batches (
            agent_id      TEXT    NOT NULL,
            seq           INTEGER NOT NULL,
            received_at   INTEGER NOT NULL,
            accepted      INTEGER NOT NULL,
            dropped       INTEGER NOT NULL,
            last_event_id INTEGER NOT NULL,
            losses        TEXT,
            PRIMARY KEY (agent_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX batches_received_at ON batches (received_at);
        CREATE INDEX batches_agent_events ON batches (agent_id, last_event_id);
        CREATE TABLE event_hours (
            hour   INTEGER NOT NULL,
            unit   TEXT    NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (hour, unit)
        ) WITHOUT ROWID;
        {BodyRecompression.Table}
        PRAGMA user_version = 4;
        """;

    public const int CurrentVersion = 4;

    /// <summary>
    /// Version 4: the progress of rewriting bodies stored without a dictionary, or with an older one,
    /// with the newest (<see cref="BodyRecompression"/>).
    /// </summary>
    private const string Version4 = $"""
        {BodyRecompression.Table}
        PRAGMA user_version = 4;
        """;

    /// <summary>A version 3 file's bodies from before its first dictionary: rewritten once, in the background.</summary>
    private const string Version4FromVersion3 = """
        INSERT INTO event_recompression (id, dict, next_id, end_id)
            SELECT 1, MAX(id), 0, COALESCE((SELECT MAX(id) FROM events), 0) FROM event_dictionaries HAVING COUNT(*) > 0;
        """;

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

    /// <summary>An open connection with the pragmas, schema in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return OpenRaw();
    }

    /// <summary>As <see cref="OpenAsync"/>, for the few callers that cannot await (the body codec's dictionaries).</summary>
    internal SqliteConnection Open()
    {
        EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
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
        var current = Scalar(connection, transaction, "PRAGMA user_version;");
        if (current >= CurrentVersion)
            return;
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'events';") == 0)
        {
            Execute(connection, transaction, Schema);
            transaction.Commit();
            return;
        }

        if (current < 2)
            Execute(connection, transaction, (current < 1 ? Version1 : "") + Version2);
        if (current < 3)
            EventsVersion3.Apply(connection, transaction);
        Execute(connection, transaction, Version4 + (current == 3 ? Version4FromVersion3 : ""));
        transaction.Commit();
        // The old events table's pages are free now; give them back to the disk once.
        if (current < 3)
            Execute(connection, null, "VACUUM;");
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
            Migrate(connection);
            _initialized = true;
        }

        return Task.CompletedTask;
    }
}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// The embedded state database (SQLite, WAL). Hands out open connections with the product's
/// pragmas and applies every registered <see cref="ISchemaMigration"/> once. Safe to use from
/// several processes at once (<c>attt stats</c> while <c>attt serve</c> runs): WAL lets readers
/// proceed beside the single writer and busy_timeout makes writers wait instead of failing.
/// </summary>
public sealed class EmbeddedDatabase
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<ISchemaMigration> _migrations;
    // One token: whoever holds it has the turn (a channel, so waiters are woken in order and nothing needs disposing).
    private readonly Channel<bool> _writeTurn = CreateWriteTurn();

    public EmbeddedDatabase(string path, IEnumerable<ISchemaMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migrations = migrations.OrderBy(m => m.Area, StringComparer.Ordinal).ThenBy(m => m.Version).ToList();
    }

    public string FilePath { get; }

    /// <summary>
    /// A turn for this process's frequent writers (the detection pipeline's slice commits, the
    /// ingest's batch counters), taken before their write transaction and released after the commit.
    /// They then queue here and the next one starts as soon as the other has committed, instead of
    /// meeting in SQLite's busy handler, which sleeps 1 to 100 ms between attempts however soon the
    /// lock is free. Other writers (rare) rely on busy_timeout as before. Never hold a turn while
    /// waiting for another writer.
    /// </summary>
    public async Task<IDisposable> TakeWriteTurnAsync(CancellationToken cancellationToken)
    {
        await _writeTurn.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeTurn.Writer);
    }

    private static Channel<bool> CreateWriteTurn()
    {
        var turn = Channel.CreateBounded<bool>(1);
        turn.Writer.TryWrite(true);
        return turn;
    }

    private sealed class WriteTurn(ChannelWriter<bool> owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.TryWrite(true);
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // synchronous=FULL: an acknowledged write survives power loss, not only a process crash.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the file if needed and applies the migrations not applied yet.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_versions (area TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (area, version));";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in _migrations)
            await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ApplyAsync(SqliteConnection connection, ISchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_versions WHERE area = $area AND version = $version;";
            check.Parameters.AddWithValue("$area", migration.Area);
            check.Parameters.AddWithValue("$version", migration.Version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return;
        }

        await using (var apply = connection.CreateCommand())
        {
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql;
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_versions (area, version, applied_at) VALUES ($area, $version, $at);";
            record.Parameters.AddWithValue("$area", migration.Area);
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$at", DbTime.Format(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

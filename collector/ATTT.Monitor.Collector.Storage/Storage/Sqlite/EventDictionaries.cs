using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The event_dictionaries table of events.db: each zstd dictionary bodies were compressed with, kept
/// for as long as any event refers to it (a few, 112 KiB each). Read once per process and cached; a
/// dictionary added by another process (serve, while <c>attt events search</c> reads) is read on first use.
/// </summary>
internal sealed class EventDictionaries(Func<SqliteConnection> open, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, byte[]> _cache = new();

    public (long Id, byte[] Bytes)? Latest()
    {
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, bytes FROM event_dictionaries ORDER BY id DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var id = reader.GetInt64(0);
        var bytes = (byte[])reader.GetValue(1);
        _cache[id] = bytes;
        return (id, bytes);
    }

    public long Count()
    {
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM event_dictionaries;";
        return (long)command.ExecuteScalar()!;
    }

    public byte[]? Get(long id)
    {
        if (_cache.TryGetValue(id, out var cached))
            return cached;
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT bytes FROM event_dictionaries WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        if (command.ExecuteScalar() is not byte[] bytes)
            return null;
        _cache[id] = bytes;
        return bytes;
    }

    /// <summary>Stores a new dictionary (committed before any event uses it) and returns its id.</summary>
    public long Add(byte[] bytes, int samples)
    {
        using var connection = open();
        return Add(connection, null, bytes, samples, time.GetUtcNow());
    }

    public long Add(SqliteConnection connection, SqliteTransaction? transaction, byte[] bytes, int samples, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO event_dictionaries (created_at, samples, bytes) VALUES ($at, $samples, $bytes) RETURNING id;";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$samples", samples);
        command.Parameters.AddWithValue("$bytes", bytes);
        var id = (long)command.ExecuteScalar()!;
        _cache[id] = bytes;
        return id;
    }
}

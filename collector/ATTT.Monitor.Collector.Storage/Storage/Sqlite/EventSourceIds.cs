using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>The writer's map of sources to ids: read once, extended inside the write transaction.</summary>
internal sealed class EventSourceIds
{
    private readonly Dictionary<(string AgentId, string Unit, bool IsDrill, string Host, string Channel), long> _ids = [];
    private bool _loaded;

    public long GetOrAdd(SqliteConnection connection, SqliteTransaction transaction, AgentIdentity agent, string host, string channel)
    {
        if (!_loaded)
        {
            foreach (var source in ReadAll(connection, transaction))
                _ids[(source.AgentId, source.Unit, source.IsDrill, source.Host, source.Channel)] = source.Id;
            _loaded = true;
        }

        var key = (agent.AgentId, agent.Unit, agent.IsDrill, host, channel);
        if (_ids.TryGetValue(key, out var id))
            return id;
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO event_sources (agent_id, unit, is_drill, host, channel) VALUES ($agent, $unit, $drill, $host, $channel) RETURNING id;";
        insert.Parameters.AddWithValue("$agent", agent.AgentId);
        insert.Parameters.AddWithValue("$unit", agent.Unit);
        insert.Parameters.AddWithValue("$drill", agent.IsDrill ? 1 : 0);
        insert.Parameters.AddWithValue("$host", host);
        insert.Parameters.AddWithValue("$channel", channel);
        id = (long)insert.ExecuteScalar()!;
        _ids[key] = id;
        return id;
    }

    /// <summary>After a rolled-back transaction: the ids it added are gone, so read them again.</summary>
    public void Forget()
    {
        _ids.Clear();
        _loaded = false;
    }

    public static List<EventSource> ReadAll(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, agent_id, unit, is_drill, host, channel FROM event_sources;";
        using var reader = command.ExecuteReader();
        var result = new List<EventSource>();
        while (reader.Read())
            result.Add(new EventSource(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, reader.GetString(4), reader.GetString(5)));
        return result;
    }
}

using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>
/// Agents, units and enrollment codes in the embedded state database. Secrets are stored only as
/// SHA-256 hashes. Times are stored in the one textual form of <see cref="EventTime"/>, which
/// sorts as text.
/// </summary>
public sealed class AgentRegistry(EmbeddedDatabase database, TimeProvider time) : IAgentRegistry
{
    private const int MaxNameLength = 200;

    public async Task<string> CreateEnrollmentCodeAsync(string unit, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ValidateName(unit, nameof(unit));
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), "The code's lifetime must be positive.");
        var now = time.GetUtcNow();
        var code = Secrets.NewEnrollmentCode();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await EnsureUnitAsync(connection, transaction, unit, now, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO enrollment_codes (code_hash, unit, created_at, expires_at) VALUES ($hash, $unit, $now, $expires);",
            cancellationToken,
            ("$hash", Secrets.Hash(Secrets.NormalizeCode(code))), ("$unit", unit), ("$now", DbTime.Format(now)), ("$expires", DbTime.Format(now + ttl))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return code;
    }

    /// <summary>Trades a one-time code for a new agent; null when the code is unknown, used or expired.</summary>
    public async Task<EnrollmentResult?> EnrollAsync(string code, string host, string? os, string? agentVersion, CancellationToken cancellationToken)
    {
        ValidateName(host, nameof(host));
        var now = time.GetUtcNow();
        var agentId = Secrets.NewAgentId(now);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using var claim = connection.CreateCommand();
        claim.Transaction = transaction;
        // One statement both checks and consumes the code, so two agents racing with the same
        // code cannot both win.
        claim.CommandText = "UPDATE enrollment_codes SET used_at = $now, used_by = $agent WHERE code_hash = $hash AND used_at IS NULL AND expires_at > $now RETURNING unit;";
        claim.Parameters.AddWithValue("$now", DbTime.Format(now));
        claim.Parameters.AddWithValue("$agent", agentId);
        claim.Parameters.AddWithValue("$hash", Secrets.Hash(Secrets.NormalizeCode(code)));
        if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string unit)
            return null;
        var token = await InsertAgentAsync(connection, transaction, agentId, unit, host, os, agentVersion, isDrill: false, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new EnrollmentResult(new AgentIdentity(agentId, unit, host, false), token);
    }

    public async Task<(AgentIdentity Agent, string Token)> EnrollInternalAsync(string unit, string host, bool isDrill, CancellationToken cancellationToken)
    {
        ValidateName(unit, nameof(unit));
        ValidateName(host, nameof(host));
        var now = time.GetUtcNow();
        var agentId = Secrets.NewAgentId(now);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await EnsureUnitAsync(connection, transaction, unit, now, cancellationToken).ConfigureAwait(false);
        var token = await InsertAgentAsync(connection, transaction, agentId, unit, host, "ATTT Monitor collector", null, isDrill, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (new AgentIdentity(agentId, unit, host, isDrill), token);
    }

    public async Task<AgentIdentity?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 256)
            return null;
        var hash = Secrets.Hash(token);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent_id, unit, host, is_drill, token_hash FROM agents WHERE token_hash = $hash AND revoked = 0;";
        command.Parameters.AddWithValue("$hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || !Secrets.HashesEqual(hash, reader.GetString(4)))
            return null;
        return new AgentIdentity(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0);
    }

    public async Task<IReadOnlyList<AgentInfo>> ListAsync(IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
            return [];
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var filter = "";
        if (units is not null)
        {
            var names = units.Select((u, i) => { command.Parameters.AddWithValue("$u" + i, u); return "$u" + i; });
            filter = $"WHERE unit IN ({string.Join(',', names)})";
        }

        command.CommandText = $"SELECT {AgentColumns} FROM agents {filter} ORDER BY unit, host, agent_id;";
        return await ReadAgentsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AgentInfo?> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AgentColumns} FROM agents WHERE agent_id = $id;";
        command.Parameters.AddWithValue("$id", agentId);
        return (await ReadAgentsAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task RevokeAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, null, "UPDATE agents SET revoked = 1 WHERE agent_id = $id;", cancellationToken, ("$id", agentId)).ConfigureAwait(false);
        if (changed == 0)
            throw new KeyNotFoundException($"No agent has the id {agentId}.");
    }

    /// <summary>Notes an accepted (non-duplicate) batch: sequence, drop counter and last contact.</summary>
    public async Task<BatchRecordResult> RecordBatchAsync(string agentId, long sequence, long dropped, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var result = await BatchCounters.ApplyAsync(connection, transaction, agentId, sequence, dropped, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Notes a heartbeat (docs/protocol.md): last contact, inventory and spool counters; absent parts leave what is known.</summary>
    public async Task RecordHeartbeatAsync(string agentId, Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var inventory = heartbeat.Inventory;
        var spool = heartbeat.Spool;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, """
            UPDATE agents SET last_seen_at = $now, host = COALESCE($host, host), os = COALESCE($os, os),
                agent_version = COALESCE($version, agent_version), ips = $ips,
                spool_depth_events = $depth_events, spool_depth_bytes = $depth_bytes,
                spool_dropped_total = $spool_dropped, spool_last_error = $last_error
            WHERE agent_id = $id;
            """, cancellationToken,
            ("$now", DbTime.Format(time.GetUtcNow())), ("$host", inventory?.Host), ("$os", inventory?.Os),
            ("$version", inventory?.AgentVersion), ("$ips", JsonSerializer.Serialize(inventory?.IpAddresses ?? [], AgentRegistryJson.Default.IReadOnlyListString)),
            ("$depth_events", spool?.DepthEvents), ("$depth_bytes", spool?.DepthBytes),
            ("$spool_dropped", spool?.DroppedTotal), ("$last_error", spool?.LastError), ("$id", agentId)).ConfigureAwait(false);
    }

    private const string AgentColumns =
        "agent_id, unit, host, os, agent_version, ips, enrolled_at, last_seen_at, last_seq, dropped_total, revoked, is_drill";

    private static async Task<List<AgentInfo>> ReadAgentsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<AgentInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new AgentInfo(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                JsonSerializer.Deserialize(reader.GetString(5), AgentRegistryJson.Default.IReadOnlyListString) ?? [],
                ParseTime(reader.GetString(6)),
                reader.IsDBNull(7) ? null : ParseTime(reader.GetString(7)),
                reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10) != 0, reader.GetInt64(11) != 0));
        }

        return result;
    }

    private static DateTimeOffset ParseTime(string text) =>
        EventTime.TryParse(text, out var t) ? t : DateTimeOffset.UnixEpoch;

    private static async Task<string> InsertAgentAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, string unit, string host,
        string? os, string? agentVersion, bool isDrill, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Secrets.NewToken();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO agents (agent_id, unit, host, os, agent_version, enrolled_at, is_drill, token_hash)
            VALUES ($id, $unit, $host, $os, $version, $now, $drill, $hash);
            """, cancellationToken,
            ("$id", agentId), ("$unit", unit), ("$host", host), ("$os", os), ("$version", agentVersion),
            ("$now", DbTime.Format(now)), ("$drill", isDrill ? 1 : 0), ("$hash", Secrets.Hash(token))).ConfigureAwait(false);
        return token;
    }

    private static Task<int> EnsureUnitAsync(SqliteConnection connection, SqliteTransaction transaction, string unit, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT OR IGNORE INTO units (name, created_at) VALUES ($name, $now);", cancellationToken,
            ("$name", unit), ("$now", DbTime.Format(now)));

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void ValidateName(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength || value.Any(char.IsControl))
            throw new ArgumentException($"The {what} must be 1 to {MaxNameLength} printable characters.", what);
    }
}

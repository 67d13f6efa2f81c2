using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>Tracked posture per PC in the state database, with history of changes.</summary>
public sealed class PostureStore(EmbeddedDatabase database)
{
    private const string Columns = "agent_id, unit, host, is_drill, observed_at, received_at, product, enabled, realtime, signature_age_days, last_scan_at, tamper_protection, conditions";

    /// <summary>Saves the latest state; appends a history row when it differs from the previous one. Returns true when it did.</summary>
    public async Task<bool> SaveAsync(PostureState state, string reportJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fingerprint = Fingerprint(state);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string? previous;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT fingerprint FROM posture_current WHERE agent_id = $agent;";
            read.Parameters.AddWithValue("$agent", state.AgentId);
            previous = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = $"""
                INSERT INTO posture_current ({Columns}, fingerprint, report)
                VALUES ($agent, $unit, $host, $drill, $observed, $received, $product, $enabled, $realtime, $age, $scan, $tamper, $conditions, $fingerprint, $report)
                ON CONFLICT (agent_id) DO UPDATE SET unit = excluded.unit, host = excluded.host, is_drill = excluded.is_drill,
                    observed_at = excluded.observed_at, received_at = excluded.received_at, product = excluded.product,
                    enabled = excluded.enabled, realtime = excluded.realtime, signature_age_days = excluded.signature_age_days,
                    last_scan_at = excluded.last_scan_at, tamper_protection = excluded.tamper_protection,
                    conditions = excluded.conditions, fingerprint = excluded.fingerprint, report = excluded.report;
                """;
            Bind(upsert, state);
            upsert.Parameters.AddWithValue("$unit", state.Unit);
            upsert.Parameters.AddWithValue("$host", state.Host);
            upsert.Parameters.AddWithValue("$drill", state.IsDrill ? 1 : 0);
            upsert.Parameters.AddWithValue("$fingerprint", fingerprint);
            upsert.Parameters.AddWithValue("$report", reportJson);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var changed = previous != fingerprint;
        if (changed)
        {
            await using var history = connection.CreateCommand();
            history.Transaction = transaction;
            history.CommandText = """
                INSERT INTO posture_history (agent_id, observed_at, received_at, product, enabled, realtime, signature_age_days, last_scan_at, tamper_protection, conditions)
                VALUES ($agent, $observed, $received, $product, $enabled, $realtime, $age, $scan, $tamper, $conditions);
                """;
            Bind(history, state);
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>The latest posture of every PC the scope allows, by unit then host.</summary>
    public async Task<IReadOnlyList<PostureState>> ListAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM posture_current ORDER BY unit, host;";
        var states = new List<PostureState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = Read(reader, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, 4);
            if (scope.Allows(state.Unit))
                states.Add(state);
        }

        return states;
    }

    /// <summary>The latest report of every PC the scope allows, as the agent sent it (docs/protocol.md), by agent id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReportsAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent_id, unit, report FROM posture_current;";
        var reports = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (scope.Allows(reader.GetString(1)))
                reports[reader.GetString(0)] = reader.GetString(2);
        }

        return reports;
    }

    /// <summary>The changes of one PC's posture, newest first.</summary>
    public async Task<IReadOnlyList<PostureState>> HistoryAsync(string agentId, UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT h.agent_id, c.unit, c.host, c.is_drill, h.observed_at, h.received_at, h.product, h.enabled, h.realtime,
                   h.signature_age_days, h.last_scan_at, h.tamper_protection, h.conditions
            FROM posture_history h JOIN posture_current c ON c.agent_id = h.agent_id
            WHERE h.agent_id = $agent ORDER BY h.id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$agent", agentId);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        var states = new List<PostureState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = Read(reader, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, 4);
            if (scope.Allows(state.Unit))
                states.Add(state);
        }

        return states;
    }

    private static PostureState Read(SqliteDataReader r, string agent, string unit, string host, bool drill, int i) => new(
        agent, unit, host, drill,
        DbTime.Parse(r.GetString(i)),
        DbTime.Parse(r.GetString(i + 1)),
        r.IsDBNull(i + 2) ? null : r.GetString(i + 2),
        r.GetInt64(i + 3) != 0,
        r.GetInt64(i + 4) != 0,
        r.IsDBNull(i + 5) ? null : r.GetDouble(i + 5),
        r.IsDBNull(i + 6) ? null : DbTime.Parse(r.GetString(i + 6)),
        r.IsDBNull(i + 7) ? null : r.GetInt64(i + 7) != 0,
        JsonSerializer.Deserialize<List<string>>(r.GetString(i + 8)) ?? []);

    private static void Bind(SqliteCommand command, PostureState s)
    {
        command.Parameters.AddWithValue("$agent", s.AgentId);
        command.Parameters.AddWithValue("$observed", DbTime.Format(s.ObservedAt));
        command.Parameters.AddWithValue("$received", DbTime.Format(s.ReceivedAt));
        command.Parameters.AddWithValue("$product", (object?)s.Product ?? DBNull.Value);
        command.Parameters.AddWithValue("$enabled", s.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$realtime", s.Realtime ? 1 : 0);
        command.Parameters.AddWithValue("$age", s.SignatureAgeDays is { } a ? a : DBNull.Value);
        command.Parameters.AddWithValue("$scan", s.LastScanAt is { } t ? DbTime.Format(t) : DBNull.Value);
        command.Parameters.AddWithValue("$tamper", s.TamperProtection is { } p ? (p ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$conditions", JsonSerializer.Serialize(s.Conditions));
    }

    /// <summary>What counts as a change for history: not the report time, and signature age only by whole days.</summary>
    private static string Fingerprint(PostureState s) => string.Join('|',
        s.Unit, s.Host, s.Product, s.Enabled, s.Realtime,
        s.SignatureAgeDays is { } a ? Math.Floor(a).ToString(CultureInfo.InvariantCulture) : "-",
        s.LastScanAt is { } t ? DbTime.Format(t) : "-",
        s.TamperProtection?.ToString() ?? "-",
        string.Join(',', s.Conditions));
}

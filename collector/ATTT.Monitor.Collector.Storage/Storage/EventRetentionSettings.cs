using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Events retention days as an administrator sets them in the dashboard, stored in the state
/// database (table <c>collector_settings</c>) and read by the retention job on every run, so a
/// change applies at the next run without a restart. Without a stored value the configured one applies.
/// </summary>
public sealed class EventRetentionSettings(EmbeddedDatabase database, EventStoreOptions options, IAuditLog audit, TimeProvider time)
{
    public const string Key = "events.retention_days";
    public const int MinDays = 1;
    public const int MaxDays = 3650;
    private readonly AccessGuard _guard = new(audit, time);

    public static ISchemaMigration Migration { get; } = new SchemaMigration("settings", 1, """
        CREATE TABLE collector_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """);

    public async Task<RetentionSetting> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, updated_by, updated_at FROM collector_settings WHERE key = $key;";
        command.Parameters.AddWithValue("$key", Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            && int.TryParse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            return new RetentionSetting(days, options.RetentionDays, reader.GetString(1), DbTime.Parse(reader.GetString(2)));
        return new RetentionSetting(options.RetentionDays, options.RetentionDays, null, null);
    }

    /// <summary>
    /// Stores <paramref name="days"/> with its audit record in one transaction. The value applies to
    /// every unit, so only a province administrator may set it (<see cref="AdministrationPolicy.ChangeRetention"/>).
    /// </summary>
    public async Task SetAsync(Caller caller, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await _guard.DemandAsync(AdministrationPolicy.ChangeRetention(caller), caller, "settings", "retention_change", "events", cancellationToken).ConfigureAwait(false);
        var actor = caller.Name;
        if (days is < MinDays or > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(days), days, $"retention must be {MinDays}-{MaxDays} days");
        var previous = await GetAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO collector_settings (key, value, updated_by, updated_at) VALUES ($key, $value, $by, $at)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at;
                """;
            command.Parameters.AddWithValue("$key", Key);
            command.Parameters.AddWithValue("$value", days.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$by", actor);
            command.Parameters.AddWithValue("$at", DbTime.Format(now));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(new AuditEntry("settings", "retention_changed", actor, "events", $"{previous.Days} -> {days} days", now), connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

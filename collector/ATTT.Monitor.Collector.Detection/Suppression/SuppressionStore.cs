using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// Rule disablements and false-positive filters in the embedded state database. Every change is
/// validated, written with its audit record in one transaction, then the in-memory
/// <see cref="Current"/> snapshot that detection reads is rebuilt. Every change takes the caller and
/// checks it first (<see cref="AdministrationPolicy.ChangeSuppression"/>: a commune user changes its own unit only).
/// </summary>
public sealed class SuppressionStore(EmbeddedDatabase database, IAuditLog audit, TimeProvider time, ILogger<SuppressionStore> logger)
{
    public const int MaxConditions = 5;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly AccessGuard _guard = new(audit, time);
    private volatile SuppressionSnapshot? _current;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <summary>
    /// The snapshot in force. Loaded on first use: detection calls this synchronously from its own
    /// thread, and SQLite's async calls complete synchronously anyway. If the database cannot be read
    /// nothing is suppressed (a detection too many is safer than one lost) and loading is retried later.
    /// </summary>
    public SuppressionSnapshot Current
    {
        get
        {
            if (_current is { } current)
                return current;
            lock (_gate)
            {
                if (_current is not null || time.GetUtcNow() < _nextAttempt)
                    return _current ?? SuppressionSnapshot.Empty;
                try
                {
                    _current = LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (SqliteException ex)
                {
                    _nextAttempt = time.GetUtcNow() + RetryAfterFailure;
                    logger.LogError(ex, "Could not read rule disablements and filters; nothing is suppressed until they can be read");
                    return SuppressionSnapshot.Empty;
                }

                return _current;
            }
        }
    }

    public async Task<SuppressionSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var disablements = new List<RuleDisablement>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rule_id, unit, reason, disabled_by, disabled_at FROM rule_disablements ORDER BY disabled_at;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                disablements.Add(new RuleDisablement(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DbTime.Parse(reader.GetString(4))));
        }

        var filters = new List<RuleFilter>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, rule_id, unit, conditions, reason, created_by, created_at FROM rule_filters WHERE removed_at IS NULL ORDER BY id;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var conditions = JsonSerializer.Deserialize<List<FilterCondition>>(reader.GetString(3)) ?? [];
                filters.Add(new RuleFilter(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), conditions, reader.GetString(4), reader.GetString(5), DbTime.Parse(reader.GetString(6))));
            }
        }

        return new SuppressionSnapshot(disablements, filters);
    }

    public async Task DisableAsync(string ruleId, string unit, string reason, Caller caller, CancellationToken cancellationToken)
    {
        ruleId = SuppressionInput.RuleId(ruleId);
        unit = SuppressionInput.Unit(unit);
        reason = SuppressionInput.Reason(reason);
        var actor = await DemandAsync(caller, unit, "rule_disable", ruleId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await ChangeAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO rule_disablements (rule_id, unit, reason, disabled_by, disabled_at) VALUES ($rule, $unit, $reason, $by, $at) ON CONFLICT DO NOTHING;";
            command.Parameters.AddWithValue("$rule", ruleId);
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$by", actor);
            command.Parameters.AddWithValue("$at", DbTime.Format(now));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                throw new SuppressionValidationException("Rules.AlreadyDisabled", "the rule is already disabled for this unit");
            await audit.WriteAsync(new AuditEntry(SuppressionSchema.AuditArea, "rule_disabled", actor, "rule:" + ruleId, $"unit={unit}; reason={reason}", now), connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnableAsync(string ruleId, string unit, string reason, Caller caller, CancellationToken cancellationToken)
    {
        ruleId = SuppressionInput.RuleId(ruleId);
        unit = SuppressionInput.Unit(unit);
        reason = SuppressionInput.Reason(reason);
        var actor = await DemandAsync(caller, unit, "rule_enable", ruleId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await ChangeAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM rule_disablements WHERE rule_id = $rule AND unit = $unit;";
            command.Parameters.AddWithValue("$rule", ruleId);
            command.Parameters.AddWithValue("$unit", unit);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                throw new SuppressionValidationException("Rules.NotDisabled", "the rule is not disabled for this unit");
            await audit.WriteAsync(new AuditEntry(SuppressionSchema.AuditArea, "rule_enabled", actor, "rule:" + ruleId, $"unit={unit}; reason={reason}", now), connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds a filter, or returns the active one that is already the same (<see cref="FilterIdentity"/>)
    /// without writing anything. The check runs inside the write transaction, so two requests at once
    /// cannot both add it.
    /// </summary>
    public async Task<FilterAddition> AddFilterAsync(string ruleId, string unit, IEnumerable<FilterCondition> conditions, string reason, Caller caller, CancellationToken cancellationToken)
    {
        ruleId = SuppressionInput.RuleId(ruleId);
        unit = SuppressionInput.Unit(unit);
        reason = SuppressionInput.Reason(reason);
        var actor = await DemandAsync(caller, unit, "filter_add", ruleId, cancellationToken).ConfigureAwait(false);
        var checkedConditions = SuppressionInput.Conditions(conditions, MaxConditions);
        var json = JsonSerializer.Serialize(checkedConditions);
        var now = time.GetUtcNow();
        FilterAddition? result = null;
        await ChangeAsync(async (connection, transaction) =>
        {
            if (await SameActiveFilterAsync(connection, transaction, ruleId, unit, checkedConditions, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                result = new FilterAddition(existing, Reused: true);
                return;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO rule_filters (rule_id, unit, conditions, reason, created_by, created_at) VALUES ($rule, $unit, $conditions, $reason, $by, $at) RETURNING id;";
            command.Parameters.AddWithValue("$rule", ruleId);
            command.Parameters.AddWithValue("$unit", unit);
            command.Parameters.AddWithValue("$conditions", json);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$by", actor);
            command.Parameters.AddWithValue("$at", DbTime.Format(now));
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            result = new FilterAddition(id, Reused: false);
            await audit.WriteAsync(new AuditEntry(SuppressionSchema.AuditArea, "filter_added", actor, "rule:" + ruleId, $"filter={id}; unit={unit}; conditions={json}; reason={reason}", now), connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private static async Task<long?> SameActiveFilterAsync(SqliteConnection connection, SqliteTransaction transaction, string ruleId, string unit, List<FilterCondition> conditions, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Rule and unit coverage (the same unit, or every unit) are FilterIdentity's first two tests.
        command.CommandText = "SELECT id, conditions FROM rule_filters WHERE rule_id = $rule AND unit IN ($unit, $all) AND removed_at IS NULL ORDER BY id;";
        command.Parameters.AddWithValue("$rule", ruleId);
        command.Parameters.AddWithValue("$unit", unit);
        command.Parameters.AddWithValue("$all", SuppressionUnits.All);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = JsonSerializer.Deserialize<List<FilterCondition>>(reader.GetString(1)) ?? [];
            if (FilterIdentity.SameConditions(stored, conditions))
                return reader.GetInt64(0);
        }

        return null;
    }

    /// <summary>Marks the filter removed (kept as history). False when there is no active filter of that id.</summary>
    public async Task<bool> RemoveFilterAsync(long id, string reason, Caller caller, CancellationToken cancellationToken)
    {
        reason = SuppressionInput.Reason(reason);
        if (await ActiveFilterAsync(id, cancellationToken).ConfigureAwait(false) is not { } filter)
            return false;
        var actor = await DemandAsync(caller, filter.Unit, "filter_remove", filter.RuleId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var removed = false;
        await ChangeAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE rule_filters SET removed_by = $by, removed_at = $at, removed_reason = $reason WHERE id = $id AND removed_at IS NULL RETURNING rule_id, unit;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$by", actor);
            command.Parameters.AddWithValue("$at", DbTime.Format(now));
            command.Parameters.AddWithValue("$reason", reason);
            string? ruleId = null, unit = null;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    (ruleId, unit) = (reader.GetString(0), reader.GetString(1));
            }

            if (ruleId is null)
                return;
            removed = true;
            await audit.WriteAsync(new AuditEntry(SuppressionSchema.AuditArea, "filter_removed", actor, "rule:" + ruleId, $"filter={id}; unit={unit}; reason={reason}", now), connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Checks the caller may change <paramref name="unit"/> (auditing a refusal); returns the audit actor.</summary>
    private async Task<string> DemandAsync(Caller caller, string unit, string action, string ruleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await _guard.DemandAsync(AdministrationPolicy.ChangeSuppression(caller, unit), caller, SuppressionSchema.AuditArea, action, "rule:" + ruleId, cancellationToken).ConfigureAwait(false);
        return caller.Name;
    }

    private async Task<(string RuleId, string Unit)?> ActiveFilterAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule_id, unit FROM rule_filters WHERE id = $id AND removed_at IS NULL;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private async Task ChangeAsync(Func<SqliteConnection, SqliteTransaction, Task> change, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await change(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _current = await LoadAsync(cancellationToken).ConfigureAwait(false);
    }
}

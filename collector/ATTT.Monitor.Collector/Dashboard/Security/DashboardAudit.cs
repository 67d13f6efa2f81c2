using System.Globalization;
using System.Security.Claims;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Writes every state-changing dashboard action (who, when, what, on which object) to the
/// dashboard_audit table of the embedded state database.
/// </summary>
public sealed class DashboardAudit(EmbeddedDatabase database, TimeProvider clock)
{
    public async Task WriteAsync(ClaimsPrincipal actor, string action, string targetKind, string target, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO dashboard_audit (at, actor, action, target_kind, target, detail) VALUES ($at, $actor, $action, $kind, $target, $detail);";
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$actor", actor.Identity?.Name ?? "(anonymous)");
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$kind", targetKind);
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest entries, for the settings page and tests.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, actor, action, target_kind, target, detail FROM dashboard_audit ORDER BY id DESC LIMIT $max;";
        command.Parameters.AddWithValue("$max", max);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }
}

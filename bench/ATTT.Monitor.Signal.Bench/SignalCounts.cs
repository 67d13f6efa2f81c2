using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>What one replay produced, read from the collector's data folder after it settled.</summary>
internal sealed record SignalCounts(
    long Events,
    long RuleMatches,
    long Incidents,
    long IncidentsHighOrAbove,
    long PoliceNotices,
    long AuthorityCopies,
    long ItOfficerMails,
    long QueuedLater,
    string TopSeverity,
    string TopCategory,
    bool TopHasT1003,
    long HighDetectionsOutsideIncidents)
{
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    /// <summary>
    /// Reads attt.db directly: the bench is tied to the collector's schema on purpose, since it must count
    /// the same rows (outbox, incidents) before and after a change to how they are made.
    /// </summary>
    public static async Task<SignalCounts> ReadAsync(string data, long events, long ruleMatches)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "attt.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var incidents = await ScalarAsync(connection, "SELECT COUNT(*) FROM incidents WHERE is_drill = 0").ConfigureAwait(false);
            var high = await ScalarAsync(connection, "SELECT COUNT(*) FROM incidents WHERE is_drill = 0 AND severity >= 3").ConfigureAwait(false);
            var police = await ScalarAsync(connection, $"SELECT COUNT(*) FROM notification_outbox WHERE is_drill = 0 AND recipient_email = '{SignalConfig.PoliceEmail}' AND status IN ('sent', 'pending')").ConfigureAwait(false);
            var authority = await ScalarAsync(connection, "SELECT COUNT(*) FROM notification_outbox WHERE is_drill = 0 AND is_authority = 1 AND status IN ('sent', 'pending')").ConfigureAwait(false);
            var it = await ScalarAsync(connection, $"SELECT COUNT(*) FROM notification_outbox WHERE is_drill = 0 AND recipient_email = '{SignalConfig.ItOfficerEmail}' AND status IN ('sent', 'pending')").ConfigureAwait(false);
            var queued = await ScalarAsync(connection, "SELECT COUNT(*) FROM notification_outbox WHERE is_drill = 0 AND status = 'pending'").ConfigureAwait(false);
            var (severity, category, tags) = await TopAsync(connection).ConfigureAwait(false);
            return new SignalCounts(events, ruleMatches, incidents, high, police, authority, it, queued,
                severity, category, tags.Any(t => t.StartsWith("attack.t1003", StringComparison.OrdinalIgnoreCase)), 0);
        }
    }

    /// <summary>The incident that matters most: highest severity, then most detections, then earliest.</summary>
    private static async Task<(string Severity, string Category, List<string> Tags)> TopAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT severity, category, tags FROM incidents WHERE is_drill = 0 ORDER BY severity DESC, count DESC, id LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
            return ("-", "-", []);
        var severity = reader.GetInt32(0);
        var tags = JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [];
        return (severity >= 0 && severity < Severities.Length ? Severities[severity] : severity.ToString(CultureInfo.InvariantCulture), reader.GetString(1), tags);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}

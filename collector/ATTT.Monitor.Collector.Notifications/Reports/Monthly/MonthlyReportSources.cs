using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// The one adapter through which the monthly report reads other areas' tables in the state database:
/// agents (ingest), posture_current (posture), drill_runs (drills). Each is read only when the
/// table exists, so the report works on a collector without that area and says "not available".
/// </summary>
internal static class MonthlyReportSources
{
    public static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $t;", ("$t", table));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    public static async Task<IReadOnlyList<string>> UnitsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var sql = "SELECT DISTINCT unit FROM notification_incidents";
        if (await TableExistsAsync(connection, "agents", cancellationToken).ConfigureAwait(false))
            sql += " UNION SELECT DISTINCT unit FROM agents WHERE is_drill = 0";
        await using var command = Sql.Command(connection, null, sql + ";");
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var units = new List<string>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            units.Add(r.GetString(0));
        return units;
    }

    public static async Task<AgentSummary?> AgentsAsync(SqliteConnection connection, string unit, DateTimeOffset silentBefore, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, "agents", cancellationToken).ConfigureAwait(false))
            return null;
        await using var command = Sql.Command(connection, null,
            "SELECT host, last_seen_at FROM agents WHERE unit = $unit AND revoked = 0 AND is_drill = 0 ORDER BY host;", ("$unit", unit));
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int enrolled = 0;
        var silent = new List<string>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            enrolled++;
            var lastSeen = r.IsDBNull(1) ? (DateTimeOffset?)null : DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (lastSeen is null || lastSeen < silentBefore)
                silent.Add(r.GetString(0));
        }

        return new AgentSummary(enrolled, silent);
    }

    public static async Task<AntivirusSummary?> AntivirusAsync(SqliteConnection connection, string unit, double staleDays, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, "posture_current", cancellationToken).ConfigureAwait(false))
            return null;
        await using var command = Sql.Command(connection, null,
            "SELECT host, enabled, realtime, signature_age_days FROM posture_current WHERE unit = $unit AND is_drill = 0 ORDER BY host;", ("$unit", unit));
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int reporting = 0, protectedCount = 0;
        var ages = new List<double>();
        var weak = new List<string>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reporting++;
            double? age = r.IsDBNull(3) ? null : r.GetDouble(3);
            if (age is { } a)
                ages.Add(a);
            var ok = r.GetInt64(1) != 0 && r.GetInt64(2) != 0 && age is { } fresh && fresh <= staleDays;
            if (ok)
                protectedCount++;
            else
                weak.Add(r.GetString(0));
        }

        return new AntivirusSummary(reporting, protectedCount, ages.Count == 0 ? null : ages.Max(), ages.Count == 0 ? null : Math.Round(ages.Average(), 1), weak);
    }

    /// <summary>Drill runs of the unit that started in the period (drill_runs keeps unix seconds).</summary>
    public static async Task<int?> DrillsHeldAsync(SqliteConnection connection, string unit, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, "drill_runs", cancellationToken).ConfigureAwait(false))
            return null;
        await using var command = Sql.Command(connection, null,
            "SELECT COUNT(*) FROM drill_runs WHERE unit = $unit AND status IN ('completed', 'failed') AND started_at >= $from AND started_at < $to;",
            ("$unit", unit), ("$from", from.ToUnixTimeSeconds()), ("$to", to.ToUnixTimeSeconds()));
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}

using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>Computes a unit's monthly figures from the notifications tables and, through <see cref="MonthlyReportSources"/>, the other areas'.</summary>
internal static class MonthlyReportBuilder
{
    /// <summary>The calendar month in Vietnam time as a UTC range.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(int year, int month)
    {
        var from = new DateTimeOffset(year, month, 1, 0, 0, 0, Notifications.Templates.VietnameseLabels.VietnamOffset);
        return (from.ToUniversalTime(), from.AddMonths(1).ToUniversalTime());
    }

    public static async Task<MonthlySecurityReport> BuildAsync(SqliteConnection connection, string unit, int year, int month, MonthlyReportOptions options, CancellationToken cancellationToken)
    {
        var (from, to) = Period(year, month);
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySeverity = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var toAck = new List<TimeSpan>();
        var toResolve = new List<TimeSpan>();
        int incidents = 0, drillIncidents = 0;
        await using (var command = Sql.Command(connection, null, """
            SELECT i.category, i.severity, i.first_seen, i.resolved_at, i.is_drill,
                   (SELECT MIN(a.confirmed_at) FROM notification_acks a WHERE a.incident_id = i.incident_id)
            FROM notification_incidents i
            WHERE i.unit = $unit AND i.first_seen >= $from AND i.first_seen < $to AND i.state <> 'FalsePositive';
            """, ("$unit", unit), ("$from", DbTime.Format(from)), ("$to", DbTime.Format(to))))
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (r.GetInt64(4) != 0)
                {
                    drillIncidents++;
                    continue;
                }

                incidents++;
                var category = r.GetString(0);
                byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
                var severity = ((IncidentSeverity)r.GetInt64(1)).ToString().ToLowerInvariant();
                bySeverity[severity] = bySeverity.GetValueOrDefault(severity) + 1;
                var firstSeen = DbTime.Read(r, 2);
                if (DbTime.ReadOrNull(r, 3) is { } resolved)
                    toResolve.Add(resolved - firstSeen);
                if (DbTime.ReadOrNull(r, 5) is { } acked)
                    toAck.Add(acked - firstSeen);
            }
        }

        var silentBefore = to - options.SilentAfter;
        return new MonthlySecurityReport(
            unit,
            string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"),
            from,
            to,
            incidents,
            byCategory,
            bySeverity,
            toAck.Count,
            Median(toAck),
            toResolve.Count,
            Median(toResolve),
            await MonthlyReportSources.AntivirusAsync(connection, unit, options.StaleSignatureDays, cancellationToken).ConfigureAwait(false),
            await MonthlyReportSources.AgentsAsync(connection, unit, silentBefore, cancellationToken).ConfigureAwait(false),
            await MonthlyReportSources.DrillsHeldAsync(connection, unit, from, to, cancellationToken).ConfigureAwait(false),
            drillIncidents);
    }

    public static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

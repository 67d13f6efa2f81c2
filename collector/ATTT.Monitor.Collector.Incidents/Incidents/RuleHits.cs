using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Detections per rule and day, for the rules page, from what the incidents area keeps of each
/// detection: <c>incident_detections</c> (a long incident keeps its first and last detections, so
/// its middle ones are not counted) and <c>detection_evidence</c> (low-level detections outside
/// incidents, the newest per PC). Drills are left out. Days are Vietnam days (UTC+7).
/// </summary>
public sealed class RuleHits(EmbeddedDatabase database)
{
    public const int MaxRules = 200;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>For each of <paramref name="ruleIds"/> (at most <see cref="MaxRules"/>), the detections in the units of <paramref name="scope"/> on each of the <paramref name="days"/> days ending <paramref name="lastDay"/>, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, long[]>> DailyAsync(IReadOnlyCollection<string> ruleIds, DateOnly lastDay, int days, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        ArgumentNullException.ThrowIfNull(scope);
        var result = ruleIds.Distinct(StringComparer.Ordinal).Take(MaxRules).ToDictionary(id => id, _ => new long[days], StringComparer.Ordinal);
        if (result.Count == 0 || days <= 0)
            return result;
        var first = lastDay.AddDays(1 - days);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), Vietnam);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = result.Keys.Select((id, i) =>
        {
            command.Parameters.AddWithValue("$r" + i.ToString(CultureInfo.InvariantCulture), id);
            return "$r" + i.ToString(CultureInfo.InvariantCulture);
        }).ToList();
        var ids = string.Join(", ", names);
        // Grouped by UTC hour in SQL (the stored times are UTC text), turned into Vietnam days here.
        command.CommandText = $"""
            SELECT rule_id, unit, hour, SUM(n) FROM (
                SELECT d.rule_id AS rule_id, i.unit AS unit, substr(d.at, 1, 13) AS hour, COUNT(*) AS n
                FROM incident_detections d JOIN incidents i ON i.id = d.incident_id
                WHERE i.is_drill = 0 AND d.at >= $from AND d.rule_id IN ({ids}) GROUP BY 1, 2, 3
                UNION ALL
                SELECT rule_id, unit, substr(at, 1, 13), COUNT(*) FROM detection_evidence
                WHERE is_drill = 0 AND at >= $from AND rule_id IN ({ids}) GROUP BY 1, 2, 3)
            GROUP BY 1, 2, 3;
            """;
        command.Parameters.AddWithValue("$from", DbTime.Format(from));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!scope.Allows(reader.GetString(1)))
                continue;
            if (!DateTime.TryParseExact(reader.GetString(2), "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var hour))
                continue;
            var day = DateOnly.FromDateTime(hour + Vietnam).DayNumber - first.DayNumber;
            if (day >= 0 && day < days)
                result[reader.GetString(0)][day] += reader.GetInt64(3);
        }

        return result;
    }
}

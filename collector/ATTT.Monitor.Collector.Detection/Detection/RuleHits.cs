using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Detections per rule, unit and Vietnam day (UTC+7), for the rules page: every detection the
/// pipeline commits is counted in <c>rule_hits_daily</c> in the slice's own transaction (so a slice
/// evaluated again after a crash is never counted twice), however long the incident it joins and
/// whether or not it opens one. Drills are left out. Only <see cref="KeptDays"/> days are kept.
/// </summary>
public sealed class RuleHits(EmbeddedDatabase database)
{
    public const int MaxRules = 200;

    /// <summary>Days of counts kept: the rules page shows 14.</summary>
    public const int KeptDays = 31;

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>
    /// Adds the slice's detections (drills left out) to their days, and drops the days past
    /// <see cref="KeptDays"/>. A detection dated after <paramref name="now"/> (a PC's clock ahead,
    /// or a forged time) counts on today's date.
    /// </summary>
    internal static async Task RecordAsync(IReadOnlyList<DetectionHit> hits, DateTimeOffset now, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var today = Day(now);
        var oldest = today.AddDays(1 - KeptDays);
        var counts = hits.Where(h => !h.IsDrill)
            .Select(h => (h.RuleId, h.Unit, Day: Min(Day(h.At), today)))
            .Where(k => k.Day >= oldest)
            .GroupBy(k => k)
            .ToList();
        if (counts.Count == 0)
            return;
        await using (var add = connection.CreateCommand())
        {
            add.Transaction = transaction;
            add.CommandText = """
                INSERT INTO rule_hits_daily (rule_id, day, unit, hits) VALUES ($rule, $day, $unit, $n)
                ON CONFLICT (rule_id, day, unit) DO UPDATE SET hits = hits + excluded.hits;
                """;
            var rule = add.Parameters.Add("$rule", SqliteType.Text);
            var day = add.Parameters.Add("$day", SqliteType.Text);
            var unit = add.Parameters.Add("$unit", SqliteType.Text);
            var n = add.Parameters.Add("$n", SqliteType.Integer);
            foreach (var group in counts)
            {
                (rule.Value, day.Value, unit.Value, n.Value) = (group.Key.RuleId, Text(group.Key.Day), group.Key.Unit, group.LongCount());
                await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var prune = connection.CreateCommand();
        prune.Transaction = transaction;
        prune.CommandText = "DELETE FROM rule_hits_daily WHERE day < $oldest;";
        prune.Parameters.AddWithValue("$oldest", Text(oldest));
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For each of <paramref name="ruleIds"/> (at most <see cref="MaxRules"/>), the detections in the units of <paramref name="scope"/> on each of the <paramref name="days"/> days ending <paramref name="lastDay"/>, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, long[]>> DailyAsync(IReadOnlyCollection<string> ruleIds, DateOnly lastDay, int days, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        ArgumentNullException.ThrowIfNull(scope);
        var result = ruleIds.Distinct(StringComparer.Ordinal).Take(MaxRules).ToDictionary(id => id, _ => new long[days], StringComparer.Ordinal);
        if (result.Count == 0 || days <= 0)
            return result;
        var first = lastDay.AddDays(1 - days);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = result.Keys.Select((id, i) =>
        {
            var name = "$r" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, id);
            return name;
        }).ToList();
        command.CommandText = $"SELECT rule_id, unit, day, hits FROM rule_hits_daily WHERE day >= $first AND day <= $last AND rule_id IN ({string.Join(", ", names)});";
        command.Parameters.AddWithValue("$first", Text(first));
        command.Parameters.AddWithValue("$last", Text(lastDay));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!scope.Allows(reader.GetString(1)))
                continue;
            if (!DateOnly.TryParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                continue;
            var index = day.DayNumber - first.DayNumber;
            if (index >= 0 && index < days)
                result[reader.GetString(0)][index] += reader.GetInt64(3);
        }

        return result;
    }

    private static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Vietnam).DateTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

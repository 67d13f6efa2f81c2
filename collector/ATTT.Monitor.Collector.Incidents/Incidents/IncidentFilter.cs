using System.Text;
using ATTT.Monitor.Collector.Audit;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Builds the WHERE clause of an <see cref="IncidentQuery"/> within a <see cref="UnitScope"/>.</summary>
internal static class IncidentFilter
{
    public static string Build(SqliteCommand command, IncidentQuery query, UnitScope scope)
    {
        var where = new StringBuilder("1 = 1");
        if (scope.Units is { } units)
            In(command, where, "unit", "$scope", units);
        if (query.States is { Count: > 0 } states)
            In(command, where, "state", "$state", states.Select(s => s.ToText()));
        if (query.Severities is { Count: > 0 } severities)
            In(command, where, "severity", "$sev", severities.Select(s => (object)(int)s));
        Equal(command, where, "unit", query.Unit);
        Equal(command, where, "host", query.Host);
        Equal(command, where, "rule_id", query.RuleId);
        Equal(command, where, "category", query.Category);
        Equal(command, where, "agent_id", query.AgentId);
        if (query.DetectedFrom is { } detected)
        {
            where.Append(" AND created_at >= $detected");
            command.Parameters.AddWithValue("$detected", DbTime.Format(detected));
        }

        if (query.From is { } from)
        {
            where.Append(" AND last_seen >= $from");
            command.Parameters.AddWithValue("$from", DbTime.Format(from));
        }

        if (query.To is { } to)
        {
            where.Append(" AND first_seen <= $to");
            command.Parameters.AddWithValue("$to", DbTime.Format(to));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // instr on lower() rather than LIKE: user text may contain % and _.
            where.Append(" AND (instr(lower(title), $text) > 0 OR instr(lower(ifnull(rule_id, '')), $text) > 0" +
                " OR instr(lower(host), $text) > 0 OR instr(lower(ifnull(assignee, '')), $text) > 0)");
            command.Parameters.AddWithValue("$text", query.Text.Trim().ToLowerInvariant());
        }

        if (query.Drill is { } drill)
        {
            where.Append(" AND is_drill = $drill");
            command.Parameters.AddWithValue("$drill", drill ? 1 : 0);
        }

        return where.ToString();
    }

    private static void Equal(SqliteCommand command, StringBuilder where, string column, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        where.Append(" AND ").Append(column).Append(" = $").Append(column);
        command.Parameters.AddWithValue("$" + column, value.Trim());
    }

    private static void In<T>(SqliteCommand command, StringBuilder where, string column, string prefix, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = prefix + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        where.Append(" AND ").Append(column).Append(names.Count == 0 ? " IN (NULL)" : $" IN ({string.Join(", ", names)})");
    }
}

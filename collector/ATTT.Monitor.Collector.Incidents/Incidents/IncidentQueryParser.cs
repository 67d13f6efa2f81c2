using System.Globalization;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Reads <c>GET /api/v1/incidents</c> query strings: <c>state</c> and <c>severity</c> repeated or
/// comma-separated, <c>unit, host, rule, category, text</c>, <c>from/to</c> (ISO 8601),
/// <c>drill</c> (true, false, all), <c>offset, limit</c>.
/// </summary>
internal static class IncidentQueryParser
{
    public static IncidentQuery Parse(IQueryCollection q)
    {
        var states = new List<IncidentState>();
        foreach (var text in Values(q, "state"))
            states.Add(IncidentText.TryParseState(text, out var s) ? s : throw Bad($"unknown state '{text}'", "state"));
        var severities = new List<IncidentSeverity>();
        foreach (var text in Values(q, "severity"))
            severities.Add(IncidentText.TryParseSeverity(text, out var s) ? s : throw Bad($"unknown severity '{text}'", "severity"));
        return new IncidentQuery
        {
            States = states,
            Severities = severities,
            Unit = One(q, "unit"),
            Host = One(q, "host"),
            RuleId = One(q, "rule"),
            Category = One(q, "category"),
            Text = One(q, "text"),
            From = Time(q, "from"),
            To = Time(q, "to"),
            Drill = One(q, "drill")?.ToLowerInvariant() switch
            {
                null or "false" => false,
                "true" => true,
                "all" => null,
                var other => throw Bad($"drill must be true, false or all, not '{other}'", "drill"),
            },
            Offset = Number(q, "offset") ?? 0,
            Limit = Number(q, "limit") ?? 50,
        };
    }

    private static IEnumerable<string> Values(IQueryCollection q, string name) =>
        q[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? One(IQueryCollection q, string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static DateTimeOffset? Time(IQueryCollection q, string name) => One(q, name) is { } text
        ? EventTime.TryParse(text, out var t) ? t : throw Bad($"{name} is not an ISO 8601 time", name)
        : null;

    private static int? Number(IQueryCollection q, string name) => One(q, name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Bad($"{name} is not a non-negative integer", name)
        : null;

    private static InvalidIncidentCommandException Bad(string message, string field) => new(message, field);
}

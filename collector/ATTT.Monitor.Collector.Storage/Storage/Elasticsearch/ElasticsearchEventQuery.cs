using System.Globalization;
using System.Text.Json.Nodes;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>
/// An <see cref="EventQuery"/> as an Elasticsearch bool query over the ECS documents. Every filter is
/// an indexed term or range (field=value on winlog.event_data.* / winlog.user_data.*, keywords), so
/// Elasticsearch needs no scan budget; paging is keyset on (@timestamp, attt.ingest_id).
/// </summary>
internal static class ElasticsearchEventQuery
{
    public static JsonObject Build(EventQuery query)
    {
        var filter = new JsonArray();
        var mustNot = new JsonArray();
        if (query.Units is not null)
            filter.Add(new JsonObject { ["terms"] = new JsonObject { ["attt.unit"] = new JsonArray([.. query.Units.Select(u => (JsonNode)u)]) } });
        if (!query.IncludeDrill)
            mustNot.Add(Term("attt.drill", true));
        if (query.Host is not null)
            filter.Add(TermInsensitive("host.name", query.Host));
        if (query.AgentId is not null)
            filter.Add(Term("attt.agent_id", query.AgentId));
        if (query.Channel is not null)
            filter.Add(TermInsensitive("winlog.channel", query.Channel));
        if (query.EventId is not null)
            filter.Add(Term("winlog.event_id", query.EventId.Value.ToString(CultureInfo.InvariantCulture)));
        if (query.From is not null || query.To is not null)
        {
            var range = new JsonObject();
            if (query.From is { } from)
                range["gte"] = EventTime.Format(from);
            if (query.To is { } to)
                range["lt"] = EventTime.Format(to);
            filter.Add(new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = range } });
        }

        if (query.Before is { } before)
        {
            var time = EventTime.Format(before.Time);
            filter.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["minimum_should_match"] = 1,
                    ["should"] = new JsonArray(
                        new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["lt"] = time } } },
                        new JsonObject
                        {
                            ["bool"] = new JsonObject
                            {
                                ["filter"] = new JsonArray(
                                    new JsonObject { ["term"] = new JsonObject { ["@timestamp"] = time } },
                                    new JsonObject { ["range"] = new JsonObject { ["attt.ingest_id"] = new JsonObject { ["lt"] = before.Id } } }),
                            },
                        }),
                },
            });
        }

        foreach (var field in query.Fields)
            filter.Add(Field(field));
        if (!string.IsNullOrEmpty(query.Text))
        {
            filter.Add(new JsonObject
            {
                ["wildcard"] = new JsonObject { ["attt.values"] = new JsonObject { ["value"] = $"*{EcsDocument.Escape(query.Text)}*", ["case_insensitive"] = true } },
            });
        }

        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter, ["must_not"] = mustNot } };
    }

    /// <summary>A System field by its ECS place, any other name in the event's EventData or UserData.</summary>
    private static JsonObject Field(EventFieldFilter field)
    {
        var system = field.Name.ToUpperInvariant() switch
        {
            "EVENTID" => "winlog.event_id",
            "CHANNEL" => "winlog.channel",
            "COMPUTER" => "host.name",
            "PROVIDER_NAME" => "winlog.provider_name",
            "EVENTRECORDID" => "winlog.record_id",
            _ => null,
        };
        if (system is not null)
            return TermInsensitive(system, field.Value);
        return new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["minimum_should_match"] = 1,
                ["should"] = new JsonArray(
                    TermInsensitive("winlog.event_data." + field.Name, field.Value),
                    TermInsensitive("winlog.user_data." + field.Name, field.Value)),
            },
        };
    }

    private static JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject TermInsensitive(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["case_insensitive"] = true } } };
}

using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// The part of an event that saved correlation state keeps: the System fields a detection reports
/// (provider, channel, EventID, computer, record id, time, user) and the payload fields the
/// correlation reads (its group-by and value fields, through the aliases). A restored detection's
/// event is this reduced <see cref="EventRecord"/>.
/// </summary>
internal sealed class EventSnapshot(IReadOnlyCollection<string> fields)
{
    public void Write(Utf8JsonWriter json, IFieldLookup e)
    {
        json.WriteStartObject();
        if (e is EventRecord r)
        {
            json.WriteString("provider", r.Provider);
            json.WriteString("channel", r.Channel);
            json.WriteNumber("event_id", r.EventId);
            json.WriteString("computer", r.Computer);
            json.WriteNumber("record_id", r.RecordId);
            json.WriteNumber("time", r.TimeCreated.UtcTicks);
            if (r.UserId is { } user) json.WriteString("user_id", user);
        }
        else
        {
            foreach (var (name, key) in (ReadOnlySpan<(string, string)>)[("provider", "Provider_Name"), ("channel", "Channel"), ("computer", "Computer")])
            {
                if (e.TryGetField(key, out var v) && v is not null) json.WriteString(name, v);
            }

            if (e.TryGetField("EventID", out var id) && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) json.WriteNumber("event_id", n);
        }

        json.WriteStartObject("fields");
        foreach (var name in fields)
        {
            if (!e.TryGetField(name, out var value)) continue;
            if (value is null) json.WriteNull(name);
            else json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public EventRecord Read(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new SigmaStateException($"{where}: the event is not an object");
        string Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        long Number(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;
        var ticks = Number("time");
        var payload = new List<EventField>();
        if (e.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in f.EnumerateObject())
                payload.Add(new EventField(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null));
        }

        return new EventRecord
        {
            Provider = Text("provider"),
            Channel = Text("channel"),
            EventId = (int)Math.Clamp(Number("event_id"), int.MinValue, int.MaxValue),
            Computer = Text("computer"),
            RecordId = Number("record_id"),
            TimeCreated = new DateTimeOffset(Math.Clamp(ticks, 0, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero),
            UserId = e.TryGetProperty("user_id", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null,
            PayloadKind = EventPayloadKind.EventData,
            Fields = payload,
        };
    }
}

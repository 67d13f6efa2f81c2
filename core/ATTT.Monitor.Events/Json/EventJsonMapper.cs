using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events.Json;

/// <summary>Maps one parsed evtx-dump JSON object to an <see cref="EventRecord"/>.</summary>
internal static class EventJsonMapper
{
    private const string Attributes = "#attributes";
    private const string Text = "#text";

    public static EventRecord ToRecord(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Event", out var ev) || ev.ValueKind != JsonValueKind.Object)
            throw new EventJsonException("the record has no \"Event\" object.");
        if (!ev.TryGetProperty("System", out var sys) || sys.ValueKind != JsonValueKind.Object)
            throw new EventJsonException("the record has no \"Event.System\" object.");

        var fields = new List<EventField>();
        var payload = EventPayloadKind.None;
        string? userDataName = null;
        if (ev.TryGetProperty("EventData", out var data) && data.ValueKind != JsonValueKind.Null)
        {
            payload = EventPayloadKind.EventData;
            AddPayload(data, fields);
        }
        else if (ev.TryGetProperty("UserData", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            payload = EventPayloadKind.UserData;
            foreach (var child in user.EnumerateObject())
            {
                var name = JsonText.GetName(child);
                if (name == Attributes) continue;
                userDataName = name;
                AddPayload(child.Value, fields);
                break;
            }
        }

        var provider = Attr(sys, "Provider");
        var time = Attr(sys, "TimeCreated");
        var correlation = Attr(sys, "Correlation");
        var execution = Attr(sys, "Execution");
        var security = Attr(sys, "Security");
        var eventId = ReadEventId(sys, out var qualifiers);
        var timeText = StringOf(time, "SystemTime");
        DateTimeOffset created = default;
        if (timeText is not null && !EventTime.TryParse(timeText, out created))
            throw new EventJsonException($"Event.System.TimeCreated \"{timeText}\" is not a date and time.");

        return new EventRecord
        {
            Provider = StringOf(provider, "Name") ?? "",
            ProviderGuid = StringOf(provider, "Guid"),
            EventSourceName = StringOf(provider, "EventSourceName"),
            EventId = eventId,
            Qualifiers = qualifiers,
            Version = IntOf(sys, "Version"),
            Level = IntOf(sys, "Level"),
            Task = IntOf(sys, "Task"),
            Opcode = IntOf(sys, "Opcode"),
            Keywords = StringOf(sys, "Keywords"),
            TimeCreated = created,
            RecordId = LongOf(sys, "EventRecordID") ?? 0,
            ActivityId = StringOf(correlation, "ActivityID"),
            RelatedActivityId = StringOf(correlation, "RelatedActivityID"),
            ProcessId = IntOf(execution, "ProcessID"),
            ThreadId = IntOf(execution, "ThreadID"),
            Channel = StringOf(sys, "Channel") ?? "",
            Computer = StringOf(sys, "Computer") ?? "",
            UserId = StringOf(security, "UserID"),
            PayloadKind = payload,
            UserDataName = userDataName,
            Fields = fields,
        };
    }

    private static int ReadEventId(JsonElement sys, out int? qualifiers)
    {
        qualifiers = null;
        if (!sys.TryGetProperty("EventID", out var id))
            throw new EventJsonException("the record has no Event.System.EventID.");
        if (id.ValueKind == JsonValueKind.Object)
        {
            if (id.TryGetProperty(Attributes, out var attrs))
                qualifiers = IntOf(attrs, "Qualifiers");
            if (!id.TryGetProperty(Text, out id))
                throw new EventJsonException("Event.System.EventID has no value.");
        }

        return ToInt(id) ?? throw new EventJsonException($"Event.System.EventID \"{id}\" is not a number.");
    }

    private static void AddPayload(JsonElement element, List<EventField> fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            AddValue("", element, fields);
            return;
        }

        foreach (var p in element.EnumerateObject())
        {
            var name = JsonText.GetName(p);
            if (name == Attributes) continue;
            if (name is "Data" or Text)
            {
                // Unnamed <Data> elements: one value or an array of them, possibly under #text.
                AddUnnamed(p.Value, fields);
                continue;
            }

            AddValue(name, p.Value, fields);
        }
    }

    private static void AddUnnamed(JsonElement value, List<EventField> fields)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) AddValue("", item, fields);
        }
        else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(Text, out var text))
        {
            AddUnnamed(text, fields);
        }
        else
        {
            AddValue("", value, fields);
        }
    }

    private static void AddValue(string name, JsonElement value, List<EventField> fields)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: fields.Add(new EventField(name, JsonText.GetString(value))); break;
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                var isInt = raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
                fields.Add(new EventField(name, raw, isInt ? EventValueKind.Integer : EventValueKind.Float));
                break;
            case JsonValueKind.True: fields.Add(new EventField(name, "true", EventValueKind.Boolean)); break;
            case JsonValueKind.False: fields.Add(new EventField(name, "false", EventValueKind.Boolean)); break;
            case JsonValueKind.Null: fields.Add(new EventField(name, null, EventValueKind.Null)); break;
            case JsonValueKind.Array:
                // Repeated elements: keep every value under the same name so keyword searches see them.
                foreach (var item in value.EnumerateArray()) AddValue(name, item, fields);
                break;
            case JsonValueKind.Object:
                if (value.TryGetProperty(Text, out var text)) AddValue(name, text, fields);
                else AddPayload(value, fields);
                break;
            default: break;
        }
    }

    private static JsonElement Attr(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty(Attributes, out var a)
            ? a
            : default;

    private static string? StringOf(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty(Text, out var t)) v = t;
        return v.ValueKind switch
        {
            JsonValueKind.String => JsonText.GetString(v),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static int? IntOf(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty(Text, out var t)) v = t;
        return ToInt(v);
    }

    private static long? LongOf(JsonElement parent, string name)
    {
        var text = StringOf(parent, name);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static int? ToInt(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return unchecked((int)n);
        if (v.ValueKind == JsonValueKind.String && long.TryParse(JsonText.GetString(v), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
            return unchecked((int)n);
        return null;
    }
}

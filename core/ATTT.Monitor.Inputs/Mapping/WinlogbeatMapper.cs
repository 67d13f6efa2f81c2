using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>
/// Winlogbeat documents (7.x and later, ECS), as shipped to Elasticsearch: the Windows values under
/// <c>winlog.*</c> (elastic/beats winlogbeat/_meta/fields.common.yml). Mapped back onto the System
/// values and EventData/UserData an EVTX record of the same event has. Winlogbeat renders the task,
/// the opcode and the level by name; those are kept only when they are numbers, and the standard
/// keyword names are turned back into the number (<see cref="KeywordNames"/>). ECS fields that
/// Winlogbeat's processors add (<c>process.*</c>, <c>user.*</c> …) are not part of the event and are
/// not read; <c>message</c> is kept as the field <c>Message</c>, as for the other flat formats.
/// </summary>
internal sealed class WinlogbeatMapper(StringPool pool) : IEventMapper
{
    public EventFormat Format => EventFormat.Winlogbeat;

    public EventRecord Map(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new RecordException("the record is not a JSON object");
        var fields = new List<EventField>();
        var payload = EventPayloadKind.None;
        string? userDataName = null;
        if (AddPayload(root, "winlog.event_data", fields, out _))
        {
            payload = EventPayloadKind.EventData;
        }
        else if (AddPayload(root, "winlog.user_data", fields, out userDataName))
        {
            payload = EventPayloadKind.UserData;
        }

        if (Find(root, "message") is { } message && JsonValues.Scalar(message) is { } text)
            fields.Add(new EventField("Message", text));

        var eventId = Find(root, "winlog.event_id") ?? Find(root, "event.code") ?? throw new RecordException("the record has no winlog.event_id");
        var time = Find(root, "@timestamp") ?? Find(root, "event.created");
        return new EventRecord
        {
            Provider = Text(root, "winlog.provider_name") ?? Text(root, "event.provider") ?? "",
            ProviderGuid = Text(root, "winlog.provider_guid"),
            EventId = JsonValues.Int(eventId) ?? throw RecordException.BadValue("winlog.event_id", eventId),
            Version = Int(root, "winlog.version"),
            Task = Int(root, "winlog.task"),
            Opcode = Int(root, "winlog.opcode"),
            Keywords = Keywords(root),
            TimeCreated = time is { } t ? JsonValues.Time(t) ?? throw RecordException.BadValue("@timestamp", t) : default,
            RecordId = Find(root, "winlog.record_id") is { } id ? JsonValues.Long(id) ?? 0 : 0,
            ActivityId = Text(root, "winlog.activity_id"),
            RelatedActivityId = Text(root, "winlog.related_activity_id"),
            ProcessId = Int(root, "winlog.process.pid"),
            ThreadId = Int(root, "winlog.process.thread.id"),
            Channel = Text(root, "winlog.channel") ?? "",
            Computer = Text(root, "winlog.computer_name") ?? Text(root, "host.name") ?? Text(root, "host.hostname") ?? Text(root, "agent.hostname") ?? "",
            UserId = Text(root, "winlog.user.identifier"),
            PayloadKind = payload,
            UserDataName = userDataName,
            Fields = fields,
        };
    }

    private static JsonElement? Find(JsonElement root, string path) => JsonPath.TryFind(root, path, out var value) ? value : null;

    private string? Text(JsonElement root, string path) => Find(root, path) is { } value ? pool.Text(value) : null;

    private static int? Int(JsonElement root, string path) => Find(root, path) is { } value ? JsonValues.Int(value) : null;

    private static string? Keywords(JsonElement root)
    {
        if (Find(root, "winlog.keywords") is not { } keywords)
            return null;
        if (keywords.ValueKind == JsonValueKind.Array)
            return KeywordNames.ToHex(keywords.EnumerateArray().Select(k => JsonValues.Scalar(k) ?? ""));
        return JsonValues.Keywords(keywords) ?? KeywordNames.ToHex([JsonValues.Scalar(keywords) ?? ""]);
    }

    /// <summary>
    /// The members of <paramref name="path"/> (an object, or dotted keys <c>path.NAME</c> at the top level)
    /// as fields; user_data's <c>xml_name</c> is the name of the UserData element, not a field.
    /// </summary>
    private bool AddPayload(JsonElement root, string path, List<EventField> fields, out string? xmlName)
    {
        xmlName = null;
        var before = fields.Count;
        if (Find(root, path) is { ValueKind: JsonValueKind.Object } data)
        {
            foreach (var member in data.EnumerateObject())
                Add(pool.Name(member), member.Value, fields, ref xmlName);
            return true;
        }

        var prefix = path + ".";
        foreach (var member in root.EnumerateObject())
        {
            var name = pool.Name(member);
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                Add(name[prefix.Length..], member.Value, fields, ref xmlName);
        }

        return fields.Count > before || xmlName is not null;
    }

    private void Add(string name, JsonElement value, List<EventField> fields, ref string? xmlName)
    {
        if (name == "xml_name")
            xmlName = pool.Text(value);
        else
            JsonValues.AddField(name, value, fields, pool);
    }
}

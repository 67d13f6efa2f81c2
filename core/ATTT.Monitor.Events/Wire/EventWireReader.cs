using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// Reads the wire format of docs/protocol.md. Bodies come from the network, so every problem is a
/// <see cref="WireFormatException"/> naming the field at fault (e.g. <c>events[3].event_id</c>),
/// never another exception type.
/// </summary>
public static class EventWireReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static EventBatch ReadBatch(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException("", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new WireFormatException("", "The body must be a JSON object.");
            var version = RequiredInt64(root, "v", "v");
            if (version != EventBatch.ProtocolVersion)
                throw new WireFormatException("v", $"Unsupported protocol version {version}.");
            var agentId = OptionalString(root, "agent_id", "agent_id") ?? "";
            var seq = RequiredInt64(root, "seq", "seq");
            if (seq <= 0)
                throw new WireFormatException("seq", "seq must be a positive integer.");
            var sentAt = OptionalTime(root, "sent_at", "sent_at") ?? DateTimeOffset.UnixEpoch;
            var dropped = OptionalInt64(root, "dropped", "dropped") ?? 0;
            if (dropped < 0)
                throw new WireFormatException("dropped", "dropped must not be negative.");
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                throw new WireFormatException("events", "events must be an array.");
            var count = events.GetArrayLength();
            if (count > EventBatch.MaxEvents)
                throw new WireFormatException("events", $"A batch holds at most {EventBatch.MaxEvents} events; this one has {count}.");
            var list = new List<EventRecord>(count);
            var i = 0;
            foreach (var e in events.EnumerateArray())
                list.Add(ReadEvent(e, $"events[{i++}]"));
            return new EventBatch(agentId, seq, sentAt, dropped, list);
        }
    }

    public static EventRecord ReadEvent(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new WireFormatException(path, $"{path} must be an object.");
        return new EventRecord
        {
            Provider = OptionalString(e, "provider", path) ?? "",
            ProviderGuid = OptionalString(e, "provider_guid", path),
            EventSourceName = OptionalString(e, "event_source_name", path),
            EventId = OptionalInt32(e, "event_id", path) ?? throw Missing(path, "event_id"),
            Qualifiers = OptionalInt32(e, "qualifiers", path),
            Version = OptionalInt32(e, "version", path),
            Level = OptionalInt32(e, "level", path),
            Task = OptionalInt32(e, "task", path),
            Opcode = OptionalInt32(e, "opcode", path),
            Keywords = OptionalString(e, "keywords", path),
            TimeCreated = OptionalTime(e, "time", path) ?? throw Missing(path, "time"),
            RecordId = OptionalInt64(e, "record_id", path) ?? 0,
            ActivityId = OptionalString(e, "activity_id", path),
            RelatedActivityId = OptionalString(e, "related_activity_id", path),
            ProcessId = OptionalInt32(e, "process_id", path),
            ThreadId = OptionalInt32(e, "thread_id", path),
            Channel = OptionalString(e, "channel", path) ?? throw Missing(path, "channel"),
            Computer = OptionalString(e, "computer", path) ?? "",
            UserId = OptionalString(e, "user_id", path),
            PayloadKind = ReadPayloadKind(e, path),
            UserDataName = OptionalString(e, "userdata_name", path),
            Fields = ReadData(e, path),
            Recovered = e.TryGetProperty("recovered", out var r) && r.ValueKind == JsonValueKind.True,
        };
    }

    private static EventPayloadKind ReadPayloadKind(JsonElement e, string path)
    {
        var text = OptionalString(e, "payload", path);
        if (text is null)
            return EventPayloadKind.None;
        return Enum.TryParse<EventPayloadKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new WireFormatException(path + ".payload", $"{path}.payload must be EventData, UserData or None.");
    }

    private static List<EventField> ReadData(JsonElement e, string path)
    {
        if (!e.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
            return [];
        var dataPath = path + ".data";
        if (data.ValueKind != JsonValueKind.Array)
            throw new WireFormatException(dataPath, $"{dataPath} must be an array of [name, value] pairs.");
        var fields = new List<EventField>(data.GetArrayLength());
        var i = 0;
        foreach (var pair in data.EnumerateArray())
        {
            var pairPath = $"{dataPath}[{i++}]";
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
                throw new WireFormatException(pairPath, $"{pairPath} must be a [name, value] pair.");
            var name = pair[0];
            if (name.ValueKind != JsonValueKind.String)
                throw new WireFormatException(pairPath, $"{pairPath} must start with a string name.");
            fields.Add(ToField(name.GetString()!, pair[1], pairPath));
        }

        return fields;
    }

    private static EventField ToField(string name, JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => new EventField(name, value.GetString()),
        JsonValueKind.Number => new EventField(name, value.GetRawText(),
            value.TryGetInt64(out _) || value.TryGetUInt64(out _) ? EventValueKind.Integer : EventValueKind.Float),
        JsonValueKind.True => new EventField(name, "true", EventValueKind.Boolean),
        JsonValueKind.False => new EventField(name, "false", EventValueKind.Boolean),
        JsonValueKind.Null => new EventField(name, null, EventValueKind.Null),
        _ => throw new WireFormatException(path, $"{path} value must be a string, number, boolean or null."),
    };

    private static WireFormatException Missing(string path, string name) =>
        new($"{path}.{name}", $"{path}.{name} is required.");

    private static string? OptionalString(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind != JsonValueKind.String)
            throw new WireFormatException(Join(path, name), $"{Join(path, name)} must be a string.");
        return v.GetString();
    }

    private static long RequiredInt64(JsonElement e, string name, string path) =>
        OptionalInt64(e, name, path) ?? throw new WireFormatException(Join(path, name), $"{Join(path, name)} is required.");

    private static long? OptionalInt64(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l))
            return l;
        throw new WireFormatException(Join(path, name), $"{Join(path, name)} must be an integer.");
    }

    private static int? OptionalInt32(JsonElement e, string name, string path)
    {
        var l = OptionalInt64(e, name, path);
        if (l is null)
            return null;
        if (l is < int.MinValue or > uint.MaxValue)
            throw new WireFormatException(Join(path, name), $"{Join(path, name)} is out of range.");
        return unchecked((int)l.Value);
    }

    private static DateTimeOffset? OptionalTime(JsonElement e, string name, string path)
    {
        var text = OptionalString(e, name, path);
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        throw new WireFormatException(Join(path, name), $"{Join(path, name)} is not an ISO 8601 time.");
    }

    private static string Join(string path, string name) => path.Length == 0 || path == name ? name : path + "." + name;
}

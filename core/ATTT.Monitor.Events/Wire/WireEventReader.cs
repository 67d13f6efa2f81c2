using System.Text;
using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>One wire EVENT object (docs/protocol.md), read in a single pass; the reader is on its first token.</summary>
internal static class WireEventReader
{
    public static EventRecord Read(ref Utf8JsonReader reader, WirePath path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var self = path.ToString();
            throw new WireFormatException(self, $"{self} must be an object.");
        }

        string? provider = null, providerGuid = null, sourceName = null, keywords = null, activityId = null,
            relatedActivityId = null, channel = null, computer = null, userId = null, userDataName = null;
        int? eventId = null, qualifiers = null, version = null, level = null, task = null, opcode = null, processId = null, threadId = null;
        long? recordId = null;
        DateTimeOffset? time = null;
        var payload = EventPayloadKind.None;
        List<EventField>? fields = null;
        var recovered = false;
        // Tested in the order EventWireWriter writes them, so most properties match at the first tries.
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("provider"u8))
                provider = WireValues.String(ref reader, path, "provider");
            else if (reader.ValueTextEquals("provider_guid"u8))
                providerGuid = WireValues.String(ref reader, path, "provider_guid");
            else if (reader.ValueTextEquals("event_source_name"u8))
                sourceName = WireValues.String(ref reader, path, "event_source_name");
            else if (reader.ValueTextEquals("event_id"u8))
                eventId = WireValues.Int32(ref reader, path, "event_id");
            else if (reader.ValueTextEquals("qualifiers"u8))
                qualifiers = WireValues.Int32(ref reader, path, "qualifiers");
            else if (reader.ValueTextEquals("version"u8))
                version = WireValues.Int32(ref reader, path, "version");
            else if (reader.ValueTextEquals("level"u8))
                level = WireValues.Int32(ref reader, path, "level");
            else if (reader.ValueTextEquals("task"u8))
                task = WireValues.Int32(ref reader, path, "task");
            else if (reader.ValueTextEquals("opcode"u8))
                opcode = WireValues.Int32(ref reader, path, "opcode");
            else if (reader.ValueTextEquals("keywords"u8))
                keywords = WireValues.String(ref reader, path, "keywords");
            else if (reader.ValueTextEquals("time"u8))
                time = WireValues.Time(ref reader, path, "time");
            else if (reader.ValueTextEquals("record_id"u8))
                recordId = WireValues.Int64(ref reader, path, "record_id");
            else if (reader.ValueTextEquals("activity_id"u8))
                activityId = WireValues.String(ref reader, path, "activity_id");
            else if (reader.ValueTextEquals("related_activity_id"u8))
                relatedActivityId = WireValues.String(ref reader, path, "related_activity_id");
            else if (reader.ValueTextEquals("process_id"u8))
                processId = WireValues.Int32(ref reader, path, "process_id");
            else if (reader.ValueTextEquals("thread_id"u8))
                threadId = WireValues.Int32(ref reader, path, "thread_id");
            else if (reader.ValueTextEquals("channel"u8))
                channel = WireValues.String(ref reader, path, "channel");
            else if (reader.ValueTextEquals("computer"u8))
                computer = WireValues.String(ref reader, path, "computer");
            else if (reader.ValueTextEquals("user_id"u8))
                userId = WireValues.String(ref reader, path, "user_id");
            else if (reader.ValueTextEquals("payload"u8))
                payload = ReadPayloadKind(ref reader, path);
            else if (reader.ValueTextEquals("userdata_name"u8))
                userDataName = WireValues.String(ref reader, path, "userdata_name");
            else if (reader.ValueTextEquals("data"u8))
                fields = ReadData(ref reader, path);
            else if (reader.ValueTextEquals("recovered"u8))
            {
                reader.Read();
                recovered = reader.TokenType == JsonTokenType.True;
                reader.Skip();
            }
            else
                reader.Skip();
        }

        return new EventRecord
        {
            Provider = provider ?? "",
            ProviderGuid = providerGuid,
            EventSourceName = sourceName,
            EventId = eventId ?? throw Missing(path, "event_id"),
            Qualifiers = qualifiers,
            Version = version,
            Level = level,
            Task = task,
            Opcode = opcode,
            Keywords = keywords,
            TimeCreated = time ?? throw Missing(path, "time"),
            RecordId = recordId ?? 0,
            ActivityId = activityId,
            RelatedActivityId = relatedActivityId,
            ProcessId = processId,
            ThreadId = threadId,
            Channel = channel ?? throw Missing(path, "channel"),
            Computer = computer ?? "",
            UserId = userId,
            PayloadKind = payload,
            UserDataName = userDataName,
            Fields = fields ?? [],
            Recovered = recovered,
        };
    }

    private static EventPayloadKind ReadPayloadKind(ref Utf8JsonReader reader, WirePath path)
    {
        var text = WireValues.String(ref reader, path, "payload");
        if (text is null)
            return EventPayloadKind.None;
        return Enum.TryParse<EventPayloadKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw WireValues.Error(path, "payload", "must be EventData, UserData or None");
    }

    private static List<EventField>? ReadData(ref Utf8JsonReader reader, WirePath path)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw WireValues.Error(path, "data", "must be an array of [name, value] pairs");
        var fields = new List<EventField>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            fields.Add(ReadPair(ref reader, path, fields.Count));
        return fields;
    }

    /// <summary>A <c>[name, value]</c> pair, the reader on its first token and left on its last.</summary>
    private static EventField ReadPair(ref Utf8JsonReader reader, WirePath path, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw PairError(path, index, "must be a [name, value] pair");
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
            throw PairError(path, index, "must be a [name, value] pair");
        if (reader.TokenType != JsonTokenType.String)
            throw PairError(path, index, "must start with a string name");
        var name = WireValues.Decode(ref reader) ?? throw PairError(path, index, "name " + WireValues.NotText);
        reader.Read();
        var field = reader.TokenType switch
        {
            JsonTokenType.String => new EventField(name, WireValues.Decode(ref reader) ?? throw PairError(path, index, "value " + WireValues.NotText)),
            // Numbers keep their text exactly as sent; the kind says whether it is integral.
            JsonTokenType.Number => new EventField(name, Encoding.UTF8.GetString(reader.ValueSpan),
                reader.TryGetInt64(out _) || reader.TryGetUInt64(out _) ? EventValueKind.Integer : EventValueKind.Float),
            JsonTokenType.True => new EventField(name, "true", EventValueKind.Boolean),
            JsonTokenType.False => new EventField(name, "false", EventValueKind.Boolean),
            JsonTokenType.Null => new EventField(name, null, EventValueKind.Null),
            JsonTokenType.EndArray => throw PairError(path, index, "must be a [name, value] pair"),
            _ => throw PairError(path, index, "value must be a string, number, boolean or null"),
        };
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
            throw PairError(path, index, "must be a [name, value] pair");
        return field;
    }

    private static WireFormatException PairError(WirePath path, int index, string what)
    {
        var field = $"{path.Field("data")}[{index}]";
        return new WireFormatException(field, $"{field} {what}.");
    }

    private static WireFormatException Missing(WirePath path, string name) => WireValues.Error(path, name, "is required");
}

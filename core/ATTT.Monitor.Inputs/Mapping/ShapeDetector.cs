using System.Runtime.InteropServices;
using System.Text.Json;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>Tells the shape of a JSON input from its first record, by the names only that shape uses.</summary>
internal static class ShapeDetector
{
    /// <summary>The format of <paramref name="record"/> (an Elasticsearch hit already unwrapped), or null when it is none of them.</summary>
    public static EventFormat? Detect(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
            return null;
        bool eventId = false, flatSystem = false, nxlog = false;
        foreach (var property in record.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.SequenceEqual("Event"u8) && property.Value.ValueKind == JsonValueKind.Object)
                return EventFormat.EvtxJson;
            if ((name.SequenceEqual("winlog"u8) && property.Value.ValueKind == JsonValueKind.Object) || name.StartsWith("winlog."u8))
                return EventFormat.Winlogbeat;
            eventId |= name.SequenceEqual("EventID"u8);
            flatSystem |= name.SequenceEqual("Channel"u8) || name.SequenceEqual("Hostname"u8) || name.SequenceEqual("SourceName"u8);
            nxlog |= name.SequenceEqual("EventTime"u8) || name.SequenceEqual("EventReceivedTime"u8) || name.SequenceEqual("SourceModuleType"u8);
        }

        if (!eventId || !flatSystem)
            return null;
        return nxlog ? EventFormat.NxLog : EventFormat.Otrf;
    }

    /// <summary>An Elasticsearch hit (<c>{"_index":…,"_source":{…}}</c>) is read as the document it holds.</summary>
    public static JsonElement Unwrap(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("_source"u8, out var source) && source.ValueKind == JsonValueKind.Object
            ? source
            : record;
}

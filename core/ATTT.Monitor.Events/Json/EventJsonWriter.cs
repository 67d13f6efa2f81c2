using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events.Json;

/// <summary>
/// Writes an event as one JSON object in the shape of <c>attt evtx dump --format json</c>
/// (<c>{"Event":{"#attributes":…,"System":…,"EventData":…}}</c>), the shape
/// <see cref="EventJsonReader"/> (and so <c>attt scan</c>) reads back into the same event. A caller
/// may add members of its own beside <c>Event</c> (the collector adds where and when it stored the
/// event). Values are written as JSON strings and numbers by the writer, which escapes them: event
/// content is the sender's, never trusted.
/// </summary>
public static class EventJsonWriter
{
    private const string EventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

    /// <summary>Writes <c>{"Event":{…}}</c>, with <paramref name="besideEvent"/>'s members after <c>Event</c>.</summary>
    public static void Write(Utf8JsonWriter w, EventRecord e, Action<Utf8JsonWriter>? besideEvent = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteStartObject("Event");
        w.WriteStartObject("#attributes");
        w.WriteString("xmlns", EventNamespace);
        w.WriteEndObject();
        WriteSystem(w, e);
        WritePayload(w, e);
        w.WriteEndObject();
        besideEvent?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteSystem(Utf8JsonWriter w, EventRecord e)
    {
        w.WriteStartObject("System");
        w.WriteStartObject("Provider");
        w.WriteStartObject("#attributes");
        w.WriteString("Name", e.Provider);
        if (e.ProviderGuid is not null)
            w.WriteString("Guid", e.ProviderGuid);
        if (e.EventSourceName is not null)
            w.WriteString("EventSourceName", e.EventSourceName);
        w.WriteEndObject();
        w.WriteEndObject();
        if (e.Qualifiers is { } qualifiers)
        {
            w.WriteStartObject("EventID");
            w.WriteStartObject("#attributes");
            w.WriteNumber("Qualifiers", qualifiers);
            w.WriteEndObject();
            w.WriteNumber("#text", e.EventId);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNumber("EventID", e.EventId);
        }

        Number(w, "Version", e.Version);
        Number(w, "Level", e.Level);
        Number(w, "Task", e.Task);
        Number(w, "Opcode", e.Opcode);
        if (e.Keywords is not null)
            w.WriteString("Keywords", e.Keywords);
        Attributes(w, "TimeCreated", ("SystemTime", EventTime.Format(e.TimeCreated)));
        w.WriteNumber("EventRecordID", e.RecordId);
        if (e.ActivityId is null && e.RelatedActivityId is null)
            w.WriteNull("Correlation");
        else
            Attributes(w, "Correlation", ("ActivityID", e.ActivityId), ("RelatedActivityID", e.RelatedActivityId));
        if (e.ProcessId is not null || e.ThreadId is not null)
        {
            w.WriteStartObject("Execution");
            w.WriteStartObject("#attributes");
            Number(w, "ProcessID", e.ProcessId);
            Number(w, "ThreadID", e.ThreadId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteString("Channel", e.Channel);
        w.WriteString("Computer", e.Computer);
        if (e.UserId is not null)
            Attributes(w, "Security", ("UserID", e.UserId));
        w.WriteEndObject();
    }

    private static void WritePayload(Utf8JsonWriter w, EventRecord e)
    {
        if (e.PayloadKind == EventPayloadKind.None)
            return;
        if (e.PayloadKind == EventPayloadKind.UserData)
        {
            w.WriteStartObject("UserData");
            w.WriteStartObject(e.UserDataName ?? "Data");
            WriteFields(w, e.Fields);
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }

        w.WriteStartObject("EventData");
        WriteFields(w, e.Fields);
        w.WriteEndObject();
    }

    /// <summary>
    /// Named values by name (repeated names as an array), unnamed ones as the "Data" array, as the
    /// dump writes them, each name where it first appears so the reader gets the fields back in their
    /// order (a name repeated after another name comes back beside its first value: the shape has one
    /// member per name).
    /// </summary>
    private static void WriteFields(Utf8JsonWriter w, IReadOnlyList<EventField> fields)
    {
        foreach (var group in fields.GroupBy(f => f.Name.Length == 0 ? "Data" : f.Name, StringComparer.Ordinal))
        {
            var values = group.ToList();
            if (values.Count == 1 && values[0].Name.Length > 0)
            {
                Value(w, group.Key, values[0]);
                continue;
            }

            w.WriteStartArray(group.Key);
            foreach (var v in values)
                Value(w, null, v);
            w.WriteEndArray();
        }
    }

    private static void Value(Utf8JsonWriter w, string? name, EventField field)
    {
        if (name is not null)
            w.WritePropertyName(name);
        EventFieldJson.WriteValue(w, field);
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
    }

    private static void Attributes(Utf8JsonWriter w, string name, params (string Name, string? Value)[] attributes)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("#attributes");
        foreach (var (attribute, value) in attributes)
        {
            if (value is not null)
                w.WriteString(attribute, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// A stored event as one JSON object in the shape of <c>attt evtx dump --format json</c>
/// (<c>{"Event":{"#attributes":…,"System":…,"EventData":…}}</c>, which <c>attt scan</c> reads back)
/// plus <c>id</c>, <c>host</c>, <c>unit</c> and <c>received_at</c> beside <c>Event</c>. Values are
/// written as JSON strings and numbers by the writer, which escapes them: event content is the
/// sender's, never trusted.
/// </summary>
public static class StoredEventJson
{
    private const string EventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

    public static void Write(Utf8JsonWriter w, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        w.WriteStartObject();
        w.WriteStartObject("Event");
        w.WriteStartObject("#attributes");
        w.WriteString("xmlns", EventNamespace);
        w.WriteEndObject();
        WriteSystem(w, e);
        WritePayload(w, e);
        w.WriteEndObject();
        w.WriteNumber("id", stored.Id);
        w.WriteString("host", e.Computer);
        w.WriteString("unit", stored.Unit);
        w.WriteString("received_at", EventTime.Format(stored.ReceivedAt));
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

    /// <summary>Named values by name (repeated names as an array); unnamed ones as the "Data" array, as the dump writes them.</summary>
    private static void WriteFields(Utf8JsonWriter w, IReadOnlyList<EventField> fields)
    {
        var unnamed = fields.Where(f => f.Name.Length == 0).ToList();
        foreach (var group in fields.Where(f => f.Name.Length > 0).GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var values = group.ToList();
            if (values.Count == 1)
            {
                Value(w, group.Key, values[0]);
                continue;
            }

            w.WriteStartArray(group.Key);
            foreach (var v in values)
                Value(w, null, v);
            w.WriteEndArray();
        }

        if (unnamed.Count == 0)
            return;
        w.WriteStartArray("Data");
        foreach (var v in unnamed)
            Value(w, null, v);
        w.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter w, string? name, EventField field)
    {
        if (name is not null)
            w.WritePropertyName(name);
        switch (field.Kind)
        {
            case EventValueKind.Integer when long.TryParse(field.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                w.WriteNumberValue(n);
                break;
            case EventValueKind.Float when double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                w.WriteNumberValue(d);
                break;
            case EventValueKind.Boolean:
                w.WriteBooleanValue(string.Equals(field.Value, "true", StringComparison.OrdinalIgnoreCase));
                break;
            default:
                if (field.Value is null)
                    w.WriteNullValue();
                else
                    w.WriteStringValue(field.Value);
                break;
        }
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

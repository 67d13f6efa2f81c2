using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>
/// An event as an Elastic Common Schema document for Windows events (the winlogbeat layout:
/// <c>@timestamp</c>, <c>event.code</c>, <c>winlog.channel</c>, <c>winlog.event_data.*</c>,
/// <c>host.name</c>), so Kibana and Elastic Security read it as it is; plus <c>attt.*</c>: unit,
/// agent, drill flag, the monotonic ingest id, and the exact wire form for reading it back.
/// </summary>
internal static class EcsDocument
{
    public static void Write(Utf8JsonWriter w, EventRecord e, AgentIdentity agent, long ingestId, DateTimeOffset receivedAt, string wireJson)
    {
        w.WriteStartObject();
        w.WriteString("@timestamp", EventTime.Format(e.TimeCreated));
        w.WriteStartObject("event");
        w.WriteString("kind", "event");
        w.WriteString("module", "windows");
        w.WriteString("code", e.EventId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("provider", e.Provider);
        w.WriteString("ingested", EventTime.Format(receivedAt));
        w.WriteEndObject();
        w.WriteStartObject("host");
        w.WriteString("name", e.Computer);
        w.WriteEndObject();
        w.WriteStartObject("winlog");
        w.WriteString("channel", e.Channel);
        w.WriteString("event_id", e.EventId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("record_id", e.RecordId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("computer_name", e.Computer);
        w.WriteString("provider_name", e.Provider);
        Optional(w, "provider_guid", e.ProviderGuid);
        Optional(w, "keywords", e.Keywords);
        Optional(w, "activity_id", e.ActivityId);
        Optional(w, "related_activity_id", e.RelatedActivityId);
        if (e.Task is { } task)
            w.WriteString("task", task.ToString(CultureInfo.InvariantCulture));
        if (e.Opcode is { } opcode)
            w.WriteString("opcode", opcode.ToString(CultureInfo.InvariantCulture));
        if (e.Version is { } version)
            w.WriteNumber("version", version);
        if (e.UserId is not null)
        {
            w.WriteStartObject("user");
            w.WriteString("identifier", e.UserId);
            w.WriteEndObject();
        }

        if (e.ProcessId is not null || e.ThreadId is not null)
        {
            w.WriteStartObject("process");
            if (e.ProcessId is { } pid)
                w.WriteNumber("pid", pid);
            if (e.ThreadId is { } tid)
            {
                w.WriteStartObject("thread");
                w.WriteNumber("id", tid);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        WriteEventData(w, e);
        w.WriteEndObject();
        w.WriteStartObject("attt");
        w.WriteString("unit", agent.Unit);
        w.WriteString("agent_id", agent.AgentId);
        w.WriteNumber("ingest_id", ingestId);
        w.WriteBoolean("drill", agent.IsDrill);
        w.WriteString("received_at", EventTime.Format(receivedAt));
        w.WriteString("values", string.Join('\n', e.EnumerateValues()));
        w.WriteString("event", wireJson);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>winlog.event_data</c> as winlogbeat writes it: values as strings, unnamed values as
    /// <c>param1</c>, <c>param2</c>, …; a repeated name keeps its first value (JSON objects have
    /// unique keys; the exact list is in <c>attt.event</c>). Dots become underscores so a name can
    /// never clash with an object path in the mapping.
    /// </summary>
    private static void WriteEventData(Utf8JsonWriter w, EventRecord e)
    {
        if (e.Fields.Count == 0)
            return;
        var name = e.PayloadKind == EventPayloadKind.UserData ? "user_data" : "event_data";
        w.WriteStartObject(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unnamed = 0;
        foreach (var f in e.Fields)
        {
            var key = f.Name.Length == 0 ? "param" + (++unnamed).ToString(CultureInfo.InvariantCulture) : f.Name.Replace('.', '_');
            if (f.Value is null || !seen.Add(key))
                continue;
            w.WriteString(key, f.Value);
        }

        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    /// <summary>The NDJSON body of one bulk request creating every event of a batch.</summary>
    public static byte[] BulkCreate(string dataStream, AgentIdentity agent, long sequence, IReadOnlyList<EventRecord> events,
        long firstIngestId, DateTimeOffset receivedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 2048 + 256);
        var scratch = new ArrayBufferWriter<byte>(2048);
        var newline = "\n"u8;
        for (var i = 0; i < events.Count; i++)
        {
            using (var action = new Utf8JsonWriter(buffer))
            {
                action.WriteStartObject();
                action.WriteStartObject("create");
                action.WriteString("_index", dataStream);
                action.WriteString("_id", DocumentId(agent.AgentId, sequence, i));
                action.WriteEndObject();
                action.WriteEndObject();
            }

            buffer.Write(newline);
            using (var doc = new Utf8JsonWriter(buffer))
                Write(doc, events[i], agent, firstIngestId + i, receivedAt, EventJson.Serialize(events[i], scratch));
            buffer.Write(newline);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Idempotence: a re-sent batch writes the same ids, which Elasticsearch refuses to create twice.</summary>
    public static string DocumentId(string agentId, long sequence, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{agentId}:{sequence}:{index}");

    public static string BatchId(string agentId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{agentId}:{sequence}");

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }
}

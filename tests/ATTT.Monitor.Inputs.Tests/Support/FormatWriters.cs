using System.Globalization;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs.Tests.Support;

/// <summary>
/// Writes an event (read from an EVTX sample) the way each collector writes it, with the field
/// names their documentation and real exports use: OTRF Security-Datasets lines (as in the zips in
/// ../shared/datasets/otrf), NXLog im_msvistalog <c>to_json()</c> lines, and Winlogbeat documents
/// (elastic/beats winlogbeat/_meta/fields.common.yml). Unnamed EVTX data is written as
/// <c>param1</c>, <c>param2</c> … as these collectors do.
/// </summary>
internal static class FormatWriters
{
    public static string Otrf(EventRecord e) => Write(w =>
    {
        w.WriteString("SourceName", e.Provider);
        if (e.ProviderGuid is { } guid) w.WriteString("ProviderGuid", guid);
        if (e.Level is { } level) w.WriteString("Level", level.ToString(CultureInfo.InvariantCulture));
        if (e.Keywords is { } keywords) w.WriteString("Keywords", keywords);
        w.WriteString("Channel", e.Channel);
        w.WriteString("Hostname", e.Computer);
        // As in the OTRF zips: milliseconds.
        var time = e.TimeCreated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteString("TimeCreated", time);
        w.WriteString("@timestamp", time);
        w.WriteNumber("EventID", e.EventId);
        if (e.Task is { } task) w.WriteString("Task", task.ToString(CultureInfo.InvariantCulture));
        WriteFields(w, e, asText: true);
    });

    public static string NxLog(EventRecord e) => Write(w =>
    {
        var local = e.TimeCreated.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        w.WriteString("EventTime", local);
        w.WriteString("Hostname", e.Computer);
        if (e.Keywords is { } keywords) w.WriteString("Keywords", keywords);
        if (!e.Fields.Any(f => f.Name == "EventType")) w.WriteString("EventType", "INFO");
        w.WriteNumber("SeverityValue", 2);
        w.WriteString("Severity", "INFO");
        w.WriteNumber("EventID", e.EventId);
        w.WriteString("SourceName", e.Provider);
        if (e.ProviderGuid is { } guid) w.WriteString("ProviderGuid", guid);
        if (e.Version is { } version) w.WriteNumber("Version", version);
        if (e.Task is { } task) w.WriteNumber("Task", task);
        if (e.Opcode is { } opcode) w.WriteNumber("OpcodeValue", opcode);
        w.WriteNumber("RecordNumber", e.RecordId);
        if (e.ProcessId is { } pid) w.WriteNumber("ExecutionProcessID", pid);
        if (e.ThreadId is { } tid) w.WriteNumber("ExecutionThreadID", tid);
        w.WriteString("Channel", e.Channel);
        if (e.UserId is { } user) w.WriteString("UserID", user);
        w.WriteString("Opcode", "Info");
        WriteFields(w, e, asText: true);
        w.WriteString("EventReceivedTime", local);
        w.WriteString("SourceModuleName", "eventlog");
        w.WriteString("SourceModuleType", "im_msvistalog");
    });

    public static string Winlogbeat(EventRecord e) => Write(w =>
    {
        // As Winlogbeat writes it: the full 100 ns precision of the Windows time.
        w.WriteString("@timestamp", e.TimeCreated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteStartObject("event");
        w.WriteString("code", e.EventId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("kind", "event");
        w.WriteString("provider", e.Provider);
        w.WriteEndObject();
        w.WriteStartObject("host");
        w.WriteString("name", e.Computer.ToLowerInvariant());
        w.WriteEndObject();
        w.WriteStartObject("log");
        w.WriteString("level", "information");
        w.WriteEndObject();
        w.WriteStartObject("winlog");
        w.WriteString("api", "wineventlog");
        w.WriteString("channel", e.Channel);
        w.WriteString("computer_name", e.Computer);
        w.WriteStartObject(e.PayloadKind == EventPayloadKind.UserData ? "user_data" : "event_data");
        if (e.PayloadKind == EventPayloadKind.UserData && e.UserDataName is { } xmlName) w.WriteString("xml_name", xmlName);
        WriteFields(w, e, asText: true);
        w.WriteEndObject();
        w.WriteString("event_id", e.EventId.ToString(CultureInfo.InvariantCulture));
        if (KeywordNames(e.Keywords) is { } names)
        {
            w.WriteStartArray("keywords");
            foreach (var name in names) w.WriteStringValue(name);
            w.WriteEndArray();
        }

        w.WriteString("opcode", "Info");
        if (e.ProcessId is { } pid)
        {
            w.WriteStartObject("process");
            w.WriteNumber("pid", pid);
            if (e.ThreadId is { } tid)
            {
                w.WriteStartObject("thread");
                w.WriteNumber("id", tid);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (e.ProviderGuid is { } guid) w.WriteString("provider_guid", guid);
        w.WriteString("provider_name", e.Provider);
        w.WriteNumber("record_id", e.RecordId);
        w.WriteString("task", "Process Creation");
        if (e.UserId is { } user)
        {
            w.WriteStartObject("user");
            w.WriteString("identifier", user);
            w.WriteEndObject();
        }

        if (e.Version is { } version) w.WriteNumber("version", version);
        w.WriteEndObject();
    });

    /// <summary>The field list a collector writes for the event: unnamed data as param1, param2 ….</summary>
    public static List<EventField> ExpectedFields(EventRecord e)
    {
        var unnamed = 0;
        return e.Fields.Select(f => f.Name.Length == 0 ? f with { Name = "param" + (++unnamed).ToString(CultureInfo.InvariantCulture) } : f).ToList();
    }

    /// <summary>Winlogbeat's keyword names, for the keywords it has names for (null: it writes none).</summary>
    public static string[]? KeywordNames(string? keywords) => keywords switch
    {
        "0x8020000000000000" => ["Audit Success"],
        "0x8010000000000000" => ["Audit Failure"],
        "0x80000000000000" => ["Classic"],
        _ => null,
    };

    private static void WriteFields(Utf8JsonWriter w, EventRecord e, bool asText)
    {
        foreach (var field in ExpectedFields(e))
        {
            if (field.Value is null)
                w.WriteNull(field.Name);
            else if (!asText && field.Kind == EventValueKind.Integer)
                w.WriteNumber(field.Name, long.Parse(field.Value, CultureInfo.InvariantCulture));
            else
                w.WriteString(field.Name, field.Value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

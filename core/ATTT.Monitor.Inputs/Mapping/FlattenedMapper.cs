using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>
/// Records with the System values and the event's own fields side by side at the top level: the OTRF
/// Security-Datasets (Mordor) and NXLog's im_msvistalog <c>to_json()</c>. The System values go where an
/// EVTX record of the same event has them (Hostname is Computer, SourceName the provider name …), so the
/// same Sigma rules match; every other field is EventData under its own name, as Windows names it.
/// <para>
/// The two differ where a flat record cannot say which part a name belongs to. NXLog writes the
/// System ProcessID and ThreadID as <c>ExecutionProcessID</c>/<c>ExecutionThreadID</c> (older
/// versions as <c>ProcessID</c>/<c>ThreadID</c>, which are then also kept as fields) and adds fields
/// of its own; OTRF records carry no execution ids, and their <c>ProcessID</c> is the event's own
/// field (Security 5156 has one).
/// OTRF records hold only these System values: SourceName, ProviderGuid, Channel, Hostname,
/// TimeCreated, EventID, Level, Keywords, Task (RecordNumber or EventRecordID where present); any other
/// name is the event's (Sysmon 4 has a Version field). NXLog adds Version, OpcodeValue, ActivityID,
/// RelatedActivityID, UserID and its own names.
/// Names starting with '@' (<c>@timestamp</c>, <c>@version</c>) are the shipper's and are dropped;
/// <c>Message</c>, the rendered text, is kept as a field: for classic providers it is the only text.
/// </para>
/// </summary>
internal sealed class FlattenedMapper(EventFormat format, StringPool pool) : IEventMapper
{
    private readonly bool _nxlog = format == EventFormat.NxLog;

    public EventFormat Format => format;

    public EventRecord Map(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new RecordException($"the record is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        var fields = new List<EventField>();
        var s = new SystemValues();
        DateTimeOffset? fallbackTime = null;
        int? legacyProcessId = null, legacyThreadId = null;
        foreach (var property in root.EnumerateObject())
        {
            var name = pool.Name(property);
            var value = property.Value;
            if (_nxlog && name is "ProcessID" or "ThreadID")
            {
                // Older NXLog versions name the execution ids so; in newer ones (and in an event's
                // EventData, Security 5156's ProcessID) it is the event's own field. Kept as a field,
                // and taken as the execution id only when the record has no Execution* one.
                if (name == "ProcessID") legacyProcessId = JsonValues.Int(value);
                else legacyThreadId = JsonValues.Int(value);
                JsonValues.AddField(name, value, fields, pool);
            }
            else if (!SetSystem(name, value, ref s))
            {
                if (name == "@timestamp")
                    fallbackTime = JsonValues.Time(value);
                else if (name.Length > 0 && name[0] != '@' && !(_nxlog && IsNxLogOwn(name)))
                    JsonValues.AddField(name, value, fields, pool);
            }
        }

        return new EventRecord
        {
            Provider = s.Provider ?? "",
            ProviderGuid = s.ProviderGuid,
            EventId = s.EventId ?? throw new RecordException("the record has no EventID"),
            Qualifiers = s.Qualifiers,
            Version = s.Version,
            Level = s.Level,
            Task = s.Task,
            Opcode = s.Opcode,
            Keywords = s.Keywords,
            TimeCreated = s.Time ?? fallbackTime ?? default,
            RecordId = s.RecordId ?? 0,
            ActivityId = s.ActivityId,
            RelatedActivityId = s.RelatedActivityId,
            ProcessId = s.ProcessId ?? legacyProcessId,
            ThreadId = s.ThreadId ?? legacyThreadId,
            Channel = s.Channel ?? "",
            Computer = s.Computer ?? "",
            UserId = s.UserId,
            PayloadKind = fields.Count > 0 ? EventPayloadKind.EventData : EventPayloadKind.None,
            Fields = fields,
        };
    }

    // NXLog's own fields, not the event's: when it was received, the input module, its own severity scale.
    private static bool IsNxLogOwn(string name) =>
        name is "EventReceivedTime" or "SourceModuleName" or "SourceModuleType" or "Severity" or "SeverityValue";

    // The first of a repeated name is the System value and the others the event's own fields:
    // System 104 (a log cleared) names the cleared log in a field called Channel.
    private bool SetSystem(string name, JsonElement value, ref SystemValues s)
    {
        switch (name)
        {
            case "EventID" when s.EventId is null: s.EventId = JsonValues.Int(value) ?? throw RecordException.BadValue(name, value); return true;
            case "Channel" when s.Channel is null: s.Channel = pool.Text(value); return true;
            case "Hostname" when s.Computer is null: s.Computer = pool.Text(value); return true;
            case "SourceName" when s.Provider is null: s.Provider = pool.Text(value); return true;
            case "ProviderGuid" when s.ProviderGuid is null: s.ProviderGuid = pool.Text(value); return true;
            case "TimeCreated" or "EventTime" when s.Time is null: s.Time = JsonValues.Time(value) ?? throw RecordException.BadValue(name, value); return true;
            case "RecordNumber" or "EventRecordID" when s.RecordId is null: s.RecordId = JsonValues.Long(value); return true;
            case "Keywords" when s.Keywords is null: s.Keywords = JsonValues.Keywords(value); return true;
            case "Task" when s.Task is null: s.Task = JsonValues.Int(value); return true;
            case "Version" when _nxlog && s.Version is null: s.Version = JsonValues.Int(value); return true;
            case "Qualifiers" when _nxlog && s.Qualifiers is null: s.Qualifiers = JsonValues.Int(value); return true;
            case "ActivityID" when _nxlog && s.ActivityId is null: s.ActivityId = pool.Text(value); return true;
            case "RelatedActivityID" when _nxlog && s.RelatedActivityId is null: s.RelatedActivityId = pool.Text(value); return true;
            case "ExecutionProcessID" when s.ProcessId is null: s.ProcessId = JsonValues.Int(value); return true;
            case "ExecutionThreadID" when s.ThreadId is null: s.ThreadId = JsonValues.Int(value); return true;
            // A level or opcode given by name (NXLog's Level, Opcode) is not the number Windows writes.
            case "Level" when s.Level is null: s.Level = JsonValues.Int(value); return true;
            case "LevelValue" when _nxlog: s.Level = JsonValues.Int(value) ?? s.Level; return true;
            case "OpcodeValue" when _nxlog && s.Opcode is null: s.Opcode = JsonValues.Int(value); return true;
            case "Opcode" when _nxlog: s.Opcode ??= JsonValues.Int(value); return true;
            case "UserID" when _nxlog && s.UserId is null: s.UserId = pool.Text(value); return true;
            default: return false;
        }
    }

    private struct SystemValues
    {
        public string? Provider, ProviderGuid, Channel, Computer, Keywords, ActivityId, RelatedActivityId, UserId;
        public int? EventId, Qualifiers, Version, Level, Task, Opcode, ProcessId, ThreadId;
        public long? RecordId;
        public DateTimeOffset? Time;
    }
}

using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Evtx.Chunks;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>The values of Event/System while a record is being read.</summary>
internal sealed class SystemValues
{
    private static readonly DateTime FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private string? _provider, _providerGuid, _eventSourceName, _keywords, _activityId, _relatedActivityId;
    private string? _channel, _computer, _userId;
    private int? _eventId, _qualifiers, _version, _level, _task, _opcode, _processId, _threadId;
    private long? _recordId;
    private DateTimeOffset? _timeCreated;

    public void Reset()
    {
        _provider = _providerGuid = _eventSourceName = _keywords = _activityId = _relatedActivityId = null;
        _channel = _computer = _userId = null;
        _eventId = _qualifiers = _version = _level = _task = _opcode = _processId = _threadId = null;
        _recordId = null;
        _timeCreated = null;
    }

    public void SetAttribute(string element, string attribute, ref ValueAccumulator value)
    {
        switch (element)
        {
            case "Provider":
                if (attribute == "Name") _provider = value.Text;
                else if (attribute == "Guid") _providerGuid = StripBraces(value.Text);
                else if (attribute == "EventSourceName") _eventSourceName = value.Text;
                break;
            case "EventID":
                if (attribute == "Qualifiers") _qualifiers = Int(ref value);
                break;
            case "TimeCreated":
                if (attribute == "SystemTime")
                    _timeCreated = value.Time ?? (EventTime.TryParse(value.Text, out var t) ? t : null);
                break;
            case "Correlation":
                if (attribute == "ActivityID") _activityId = StripBraces(value.Text);
                else if (attribute == "RelatedActivityID") _relatedActivityId = StripBraces(value.Text);
                break;
            case "Execution":
                if (attribute == "ProcessID") _processId = Int(ref value);
                else if (attribute == "ThreadID") _threadId = Int(ref value);
                break;
            case "Security":
                if (attribute == "UserID") _userId = value.Text;
                break;
        }
    }

    public void SetElement(string element, ref ValueAccumulator value)
    {
        switch (element)
        {
            case "EventID": _eventId = Int(ref value); break;
            case "Version": _version = Int(ref value); break;
            case "Level": _level = Int(ref value); break;
            case "Task": _task = Int(ref value); break;
            case "Opcode": _opcode = Int(ref value); break;
            case "Keywords": _keywords = value.Text; break;
            case "EventRecordID":
                _recordId = value.Integer ?? (long.TryParse(value.Text, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);
                break;
            case "Channel": _channel = value.Text; break;
            case "Computer": _computer = value.Text; break;
        }
    }

    private static int? Int(ref ValueAccumulator value) =>
        value.Integer is { } n ? (n is >= int.MinValue and <= int.MaxValue ? (int)n : null) : EventRecordBuilder.ParseInt(value.Text);

    public EventRecord ToRecord(RecordSlot slot, EventPayloadKind payload, string? userDataName, EventField[] fields) => new()
    {
        Provider = _provider ?? "",
        ProviderGuid = _providerGuid,
        EventSourceName = _eventSourceName,
        EventId = _eventId ?? 0,
        Qualifiers = _qualifiers,
        Version = _version,
        Level = _level,
        Task = _task,
        Opcode = _opcode,
        Keywords = _keywords,
        TimeCreated = _timeCreated ?? WrittenTime(slot.Written),
        RecordId = _recordId ?? slot.RecordId,
        ActivityId = _activityId,
        RelatedActivityId = _relatedActivityId,
        ProcessId = _processId,
        ThreadId = _threadId,
        Channel = _channel ?? "",
        Computer = _computer ?? "",
        UserId = _userId,
        PayloadKind = payload,
        UserDataName = userDataName,
        Fields = fields,
        Recovered = slot.Recovered,
    };

    private static DateTimeOffset WrittenTime(long ticks) =>
        ticks >= 0 && ticks <= DateTime.MaxValue.Ticks - FileTimeEpoch.Ticks
            ? new DateTimeOffset(FileTimeEpoch.Ticks + ticks, TimeSpan.Zero)
            : DateTimeOffset.UnixEpoch;

    // Some providers write GUIDs as strings with braces; the model keeps the one form.
    private static string? StripBraces(string? text) =>
        text is { Length: 38 } && text[0] == '{' && text[^1] == '}' ? text[1..^1].ToUpperInvariant() : text;
}

using System.Globalization;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Search.Bench;

/// <summary>
/// A template event made into one of a commune's: its PC, its time, its record number, and fresh
/// values where real events differ from one another (GUIDs, hex ids and handles, process and logon
/// ids, ports), so that compression sees what a year of real events gives it, not 8,000 repeats.
/// </summary>
internal sealed class EventFactory(IReadOnlyList<EventRecord> templates, int seed)
{
    private readonly Random _random = new(seed);

    public EventRecord Make(string computer, DateTimeOffset time, long recordId)
    {
        var t = templates[_random.Next(templates.Count)];
        var fields = new EventField[t.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = Vary(t.Fields[i]);
        return new EventRecord
        {
            Provider = t.Provider,
            ProviderGuid = t.ProviderGuid,
            EventSourceName = t.EventSourceName,
            EventId = t.EventId,
            Qualifiers = t.Qualifiers,
            Version = t.Version,
            Level = t.Level,
            Task = t.Task,
            Opcode = t.Opcode,
            Keywords = t.Keywords,
            TimeCreated = time,
            RecordId = recordId,
            ActivityId = t.ActivityId is null ? null : Guid(),
            RelatedActivityId = t.RelatedActivityId,
            ProcessId = t.ProcessId is null ? null : _random.Next(4, 20_000),
            ThreadId = t.ThreadId is null ? null : _random.Next(4, 20_000),
            Channel = t.Channel,
            Computer = computer,
            UserId = t.UserId,
            PayloadKind = t.PayloadKind,
            UserDataName = t.UserDataName,
            Fields = fields,
        };
    }

    private EventField Vary(EventField f)
    {
        var v = f.Value;
        if (string.IsNullOrEmpty(v))
            return f;
        if (f.Kind == EventValueKind.Integer && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 1000)
            return f with { Value = _random.NextInt64(1000, Math.Max(1001, n * 2)).ToString(CultureInfo.InvariantCulture) };
        if (v.Length == 38 && v[0] == '{' && v[^1] == '}')
            return f with { Value = Guid() };
        if (v.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && v.Length > 4)
            return f with { Value = "0x" + _random.NextInt64(0x1000, 0xFFFFFFFFFF).ToString("x", CultureInfo.InvariantCulture) };
        if (f.Name is "ProcessId" or "ParentProcessId" or "SourcePort" or "DestinationPort" or "NewProcessId" or "SourceProcessId" or "TargetProcessId")
            return f with { Value = _random.Next(4, 65_000).ToString(CultureInfo.InvariantCulture) };
        if (f.Name is "UtcTime" or "CreationUtcTime")
            return f with { Value = DateTime.UnixEpoch.AddSeconds(_random.NextInt64(1_700_000_000, 1_800_000_000)).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) };
        return f;
    }

    private string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return "{" + new Guid(bytes).ToString().ToUpperInvariant() + "}";
    }
}

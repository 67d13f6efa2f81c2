using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Builders for events and batches as an agent would send them.</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    public static EventRecord Logon(long recordId, string computer = "PC-KETOAN-01", string user = "nguyễn.văn.a", int eventId = 4625, string channel = "Security") => new()
    {
        Provider = "Microsoft-Windows-Security-Auditing",
        ProviderGuid = "54849625-5478-4994-A5BA-3E3B0328C30D",
        EventId = eventId,
        Version = 0,
        Level = 0,
        Task = 12544,
        Opcode = 0,
        Keywords = "0x8010000000000000",
        TimeCreated = BaseTime.AddSeconds(recordId),
        RecordId = recordId,
        ProcessId = 640,
        ThreadId = 1234,
        Channel = channel,
        Computer = computer,
        PayloadKind = EventPayloadKind.EventData,
        Fields =
        [
            new EventField("SubjectUserSid", "S-1-5-18"),
            new EventField("TargetUserName", user),
            new EventField("LogonType", "3", EventValueKind.Integer),
            new EventField("IpAddress", "10.0.0.7"),
            new EventField("", "unnamed value"),
            new EventField("Elevated", "true", EventValueKind.Boolean),
            new EventField("Missing", null, EventValueKind.Null),
        ],
    };

    public static EventBatch Batch(string agentId, long seq, int count, long firstRecordId = 1, long dropped = 0, string computer = "PC-KETOAN-01") =>
        new(agentId, seq, BaseTime, dropped, Enumerable.Range(0, count).Select(i => Logon(firstRecordId + i, computer)).ToList());
}

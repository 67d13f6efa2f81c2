using ATTT.Monitor.Events;

namespace ATTT.Monitor.Events.Tests.Support;

/// <summary>Builds realistic events for tests.</summary>
internal static class EventBuilder
{
    public static EventRecord FailedLogon(string user = "admin", int logonType = 3) => new()
    {
        Provider = "Microsoft-Windows-Security-Auditing",
        ProviderGuid = "54849625-5478-4994-A5BA-3E3B0328C30D",
        EventId = 4625,
        Version = 0,
        Level = 0,
        Task = 12544,
        Opcode = 0,
        Keywords = "0x8010000000000000",
        TimeCreated = new DateTimeOffset(2026, 11, 27, 3, 14, 59, TimeSpan.Zero).AddTicks(1234560),
        RecordId = 123456,
        ProcessId = 640,
        ThreadId = 1234,
        Channel = "Security",
        Computer = "PC-KETOAN-01",
        PayloadKind = EventPayloadKind.EventData,
        Fields =
        [
            new("SubjectUserSid", "S-1-5-18"),
            new("TargetUserName", user),
            new("LogonType", logonType.ToString(System.Globalization.CultureInfo.InvariantCulture), EventValueKind.Integer),
            new("ProcessId", "0x2a8"),
            new("", "unnamed value"),
            new("Empty", null, EventValueKind.Null),
        ],
    };
}

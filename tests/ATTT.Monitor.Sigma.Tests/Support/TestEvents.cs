using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>Builds events for tests.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public static EventRecord Make(string channel, int eventId, params (string Name, string? Value)[] fields) => new()
    {
        Provider = channel == "Security" ? "Microsoft-Windows-Security-Auditing" : "Test-Provider",
        EventId = eventId,
        Channel = channel,
        Computer = "PC-KETOAN-01",
        TimeCreated = T0,
        RecordId = 1,
        PayloadKind = EventPayloadKind.EventData,
        Fields = fields.Select(f => new EventField(f.Name, f.Value)).ToList(),
    };

    public static EventRecord At(this EventRecord e, DateTimeOffset time) => new()
    {
        Provider = e.Provider,
        EventId = e.EventId,
        Channel = e.Channel,
        Computer = e.Computer,
        TimeCreated = time,
        RecordId = e.RecordId,
        PayloadKind = e.PayloadKind,
        Fields = e.Fields,
    };

    public static EventRecord Sysmon1(string image, string commandLine, string parent = @"C:\Windows\explorer.exe") =>
        Make("Microsoft-Windows-Sysmon/Operational", 1, ("Image", image), ("CommandLine", commandLine), ("ParentImage", parent));
}

using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Builds detections as the pipeline makes them.</summary>
internal static class Hits
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public static DetectionHit Brute(long eventId, DateTimeOffset at, string host = "PC-KETOAN-01", string unit = "xa-sang-moc", bool drill = false, string level = "medium") => new(
        "5b0b75dc-9190-4047-b9a8-14164cee8a31",
        "Nhiều lần đăng nhập thất bại / Multiple failed logons",
        level,
        ["attack.credential_access", "attack.t1110"],
        "Failed logons from one source.",
        unit, host, "a_01", drill, eventId, at);

    public static DetectionHit Ransom(long eventId, DateTimeOffset at, string host = "PC-KETOAN-01") => new(
        "c947b146-0abc-4c87-9c64-b17e9d7274a2",
        "Shadow copies deleted by vssadmin (ransomware)",
        "critical",
        ["attack.impact", "attack.t1490"],
        null, "xa-sang-moc", host, "a_01", false, eventId, at);
}

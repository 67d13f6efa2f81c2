using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>Low and medium incidents are collected and sent to the IT officer as one digest instead of one mail each.</summary>
public sealed class DigestOptions
{
    /// <summary>Incidents at or below this severity go into the digest.</summary>
    public IncidentSeverity MaxSeverity { get; set; } = IncidentSeverity.Medium;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

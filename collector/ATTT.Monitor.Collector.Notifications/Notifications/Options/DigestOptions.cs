using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>Low-severity incidents are collected and sent as one digest instead of one mail each.</summary>
public sealed class DigestOptions
{
    /// <summary>Incidents at or below this severity go into the digest.</summary>
    public IncidentSeverity MaxSeverity { get; set; } = IncidentSeverity.Low;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

namespace ATTT.Monitor.Collector.Drills;

/// <summary>A schedule that replaces the one written in a playbook (configuration <c>Drills:ScheduleOverrides:ID</c>).</summary>
public sealed class DrillScheduleOverride
{
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone; null keeps the playbook's.</summary>
    public string? TimeZone { get; set; }
}

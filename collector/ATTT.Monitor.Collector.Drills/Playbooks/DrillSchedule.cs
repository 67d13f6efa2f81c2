namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>A Quartz cron expression (seconds first) and the time zone it is read in.</summary>
public sealed record DrillSchedule(string Cron, string TimeZone)
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";
}

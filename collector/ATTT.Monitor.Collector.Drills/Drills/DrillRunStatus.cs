namespace ATTT.Monitor.Collector.Drills;

/// <summary>The states of a drill run as stored in <c>drill_runs.status</c>.</summary>
public static class DrillRunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>Its time passed while the collector was down (or Quartz could not fire it in time).</summary>
    public const string Missed = "missed";

    /// <summary>It was running when the collector stopped.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Asked for by <c>attt drills run</c> or the dashboard; the collector picks it up within a second or two.</summary>
    public const string Requested = "requested";
}
